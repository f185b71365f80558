using Microsoft.Extensions.Logging;
using Signet.Dkim.Alignment;
using Signet.Dkim.Signing;
using Signet.Mail.Policy;
using Signet.Store;
using Signet.Store.Policy;

namespace Signet.Serve;

/// <summary>The mail path's signing policy over the store, for the milter and the relay alike: the cached signing
/// snapshot, <see cref="SubmissionPolicy"/> (may this authenticated user have this From signed at all?) and then
/// <see cref="SigningPolicy"/> (with which keys). When the store cannot answer, the decision is "unavailable" (not
/// "nothing to sign"), so the failure action applies (tempfail by default) and nothing leaves unsigned.</summary>
public sealed class StoreSigningPolicy(SigningSnapshotCache snapshots, ILogger<StoreSigningPolicy> logger) : IMailSigningPolicy
{
    public async ValueTask<MailSigningDecision> DecideAsync(MailSigningContext context, CancellationToken cancellationToken)
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
            return MailSigningDecision.Unavailable("the store is unavailable: " + exception.Message);
        }

        var from = FromHeaderParser.Parse(context.Header.Named("From").Select(f => f.ValueMemory).ToList());
        var submission = SubmissionPolicy.Decide(snapshot, context.AuthenticatedUser, from);
        if (!submission.Allowed)
        {
            logger.SigningDecided(context.QueueId, submission.Rule.ToString(), null, false, submission.Reason);
            return MailSigningDecision.Refused(submission.Reason);
        }

        var decision = SigningPolicy.Decide(snapshot, from);
        logger.SigningDecided(context.QueueId, decision.Rule.ToString(), decision.SigningDomain, decision.Aligned, decision.Explanation);
        if (!decision.Signs)
        {
            return MailSigningDecision.NoSignature(decision.Explanation);
        }

        var requests = new List<DkimSigningRequest>(decision.Keys.Count);
        foreach (var key in decision.Keys)
        {
            if (!snapshot.PrivateKeys.TryGetValue(key.Id, out var privateKey))
            {
                return MailSigningDecision.Unavailable($"the private key of {key.Selector}._domainkey.{key.Domain} is not loaded");
            }

            requests.Add(new DkimSigningRequest(privateKey, key.Domain, key.Selector));
        }

        return MailSigningDecision.Sign(requests, decision.Explanation);
    }
}
