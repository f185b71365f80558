using Signet.Dkim.Signing;
using Signet.Milter.Dkim;

namespace Signet.Milter.Tests.Support;

/// <summary>A signing policy with a fixed answer, or one that throws as a failed store would.</summary>
internal sealed class TestSigningPolicy(Func<MilterSigningContext, MilterSigningDecision> decide) : IMilterSigningPolicy
{
    public int Calls { get; private set; }

    public MilterSigningContext? LastContext { get; private set; }

    public static TestSigningPolicy SignWith(params DkimSigningRequest[] requests) =>
        new(_ => MilterSigningDecision.Sign(requests, "test policy: " + requests.Length + " keys"));

    public static TestSigningPolicy Answer(MilterSigningDecision decision) => new(_ => decision);

    public static TestSigningPolicy Throwing() => new(_ => throw new InvalidOperationException("the key store is unreachable"));

    public ValueTask<MilterSigningDecision> DecideAsync(MilterSigningContext context, CancellationToken cancellationToken)
    {
        Calls++;
        LastContext = context;
        return ValueTask.FromResult(decide(context));
    }
}
