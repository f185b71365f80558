namespace Signet.Dns.Publishing;

/// <summary>The outcome of one change to DNS: success, or a failure with its reason in words ("the primary
/// 192.0.2.53:53 rejected the TSIG signature of key signet-key (BADSIG): the secret differs from the one the server
/// has").</summary>
public sealed record PublicationResult
{
    private PublicationResult(PublicationFailure failure, string reason)
    {
        Failure = failure;
        Reason = reason;
    }

    public PublicationFailure Failure { get; }

    /// <summary>What happened, for a person; says what to do when something failed.</summary>
    public string Reason { get; }

    public bool Succeeded => Failure == PublicationFailure.None;

    /// <summary>Whether trying the same change later can succeed without anyone changing a setting: a timeout, a
    /// server failure or an unauthenticated answer can; a wrong secret, a refusal or a bad name cannot.</summary>
    public bool IsTemporary => Failure is PublicationFailure.Timeout or PublicationFailure.ServerFailure
        or PublicationFailure.ResponseNotAuthenticated or PublicationFailure.Failed;

    public static PublicationResult Done(string reason) => new(PublicationFailure.None, reason);

    public static PublicationResult Failed(PublicationFailure failure, string reason)
    {
        if (failure == PublicationFailure.None)
        {
            throw new ArgumentOutOfRangeException(nameof(failure), failure, "a failure needs a failure reason");
        }

        return new(failure, reason);
    }
}
