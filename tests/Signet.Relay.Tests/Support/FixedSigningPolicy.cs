using Signet.Dkim.Signing;
using Signet.Milter.Dkim;

namespace Signet.Relay.Tests.Support;

/// <summary>A signing policy with a fixed answer.</summary>
internal sealed class FixedSigningPolicy(Func<MilterSigningContext, MilterSigningDecision> decide) : IMilterSigningPolicy
{
    public MilterSigningContext? LastContext { get; private set; }

    public static FixedSigningPolicy SignWith(params DkimSigningRequest[] requests) =>
        new(_ => MilterSigningDecision.Sign(requests, "test policy"));

    public static FixedSigningPolicy Unavailable() => new(_ => MilterSigningDecision.Unavailable("the store is down"));

    public ValueTask<MilterSigningDecision> DecideAsync(MilterSigningContext context, CancellationToken cancellationToken)
    {
        LastContext = context;
        return ValueTask.FromResult(decide(context));
    }
}
