using Signet.Dkim.Signing;
using Signet.Mail.Policy;

namespace Signet.Relay.Tests.Support;

/// <summary>A signing policy with a fixed answer.</summary>
internal sealed class FixedSigningPolicy(Func<MailSigningContext, MailSigningDecision> decide) : IMailSigningPolicy
{
    public MailSigningContext? LastContext { get; private set; }

    public static FixedSigningPolicy SignWith(params DkimSigningRequest[] requests) =>
        new(_ => MailSigningDecision.Sign(requests, "test policy"));

    public static FixedSigningPolicy Unavailable() => new(_ => MailSigningDecision.Unavailable("the store is down"));

    public ValueTask<MailSigningDecision> DecideAsync(MailSigningContext context, CancellationToken cancellationToken)
    {
        LastContext = context;
        return ValueTask.FromResult(decide(context));
    }
}
