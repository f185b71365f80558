using Microsoft.Extensions.Logging;
using Signet.Dkim.Alignment;
using Signet.Dkim.Signing;
using Signet.Milter.Dkim;
using Signet.Store;
using Signet.Store.Policy;

namespace Signet.Serve;

/// <summary>The milter's signing policy over the store: the cached signing snapshot and <see cref="SigningPolicy"/>
/// applied to the From header. When the store cannot answer, the decision is "unavailable" (not "nothing to sign"),
/// so the milter applies its signing failure action (tempfail by default) and nothing leaves unsigned.</summary>
public sealed class StoreSigningPolicy(SigningSnapshotCache snapshots, ILogger<StoreSigningPolicy> logger) : IMilterSigningPolicy
{
    public async ValueTask<MilterSigningDecision> DecideAsync(MilterSigningContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        SigningSnapshot snapshot;
        try
        {
            snapshot = await snapshots.GetAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any store fault (database gone, file locked, key unreadable) means the same thing here: unavailable.
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.StoreUnavailable(exception.Message);
            return MilterSigningDecision.Unavailable("the store is unavailable: " + exception.Message);
        }

        var from = FromHeaderParser.Parse(context.Header.Named("From").Select(f => f.ValueMemory).ToList());
        var decision = SigningPolicy.Decide(snapshot, from);
        logger.SigningDecided(context.QueueId, decision.Rule.ToString(), decision.SigningDomain, decision.Aligned, decision.Explanation);
        if (!decision.Signs)
        {
            return MilterSigningDecision.NoSignature(decision.Explanation);
        }

        var requests = decision.Keys.Select(key => new DkimSigningRequest(key.PrivateKey, key.Domain, key.Selector)).ToList();
        return MilterSigningDecision.Sign(requests, decision.Explanation);
    }
}
