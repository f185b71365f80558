using Signet.Dkim.Signing;
using Signet.Mail.Policy;

namespace Signet.Milter.Tests.Support;

/// <summary>A signing policy with a fixed answer, or one that throws as a failed store would.</summary>
internal sealed class TestSigningPolicy(Func<MailSigningContext, MailSigningDecision> decide) : IMailSigningPolicy
{
    public int Calls { get; private set; }

    public MailSigningContext? LastContext { get; private set; }

    public static TestSigningPolicy SignWith(params DkimSigningRequest[] requests) =>
        new(_ => MailSigningDecision.Sign(requests, "test policy: " + requests.Length + " keys"));

    public static TestSigningPolicy Answer(MailSigningDecision decision) => new(_ => decision);

    public static TestSigningPolicy Throwing() => new(_ => throw new InvalidOperationException("the key store is unreachable"));

    public ValueTask<MailSigningDecision> DecideAsync(MailSigningContext context, CancellationToken cancellationToken)
    {
        Calls++;
        LastContext = context;
        return ValueTask.FromResult(decide(context));
    }
}
