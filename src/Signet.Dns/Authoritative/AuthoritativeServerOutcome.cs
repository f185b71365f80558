namespace Signet.Dns.Authoritative;

/// <summary>What one authoritative server said when asked for a record directly.</summary>
public enum AuthoritativeServerOutcome
{
    /// <summary>It answered with TXT records (whether they are the expected ones is the caller's judgement).</summary>
    Answered,

    /// <summary>It answered authoritatively that there is no TXT record there (NXDOMAIN or NODATA).</summary>
    NotFound,

    /// <summary>It did not answer within the timeout, on any try.</summary>
    Timeout,

    /// <summary>It answered SERVFAIL: typically a zone that failed to load after an edit.</summary>
    ServerFailure,

    /// <summary>It answered REFUSED: it does not serve this zone (a stale NS record) or does not serve us.</summary>
    Refused,

    /// <summary>Any other failure: a network error, a malformed answer, another RCODE.</summary>
    Failed,
}
