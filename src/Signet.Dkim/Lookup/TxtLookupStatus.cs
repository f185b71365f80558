namespace Signet.Dkim.Lookup;

/// <summary>The outcome class of one TXT lookup; it decides temperror versus permerror (RFC 6376 §6.1.2).</summary>
public enum TxtLookupStatus
{
    /// <summary>One or more TXT records were returned.</summary>
    Found,

    /// <summary>NXDOMAIN, or the name exists with no TXT records (NODATA): a permanent absence.</summary>
    NotFound,

    /// <summary>Timeout, SERVFAIL, refused, network error: try again later.</summary>
    TemporaryFailure,

    /// <summary>A malformed answer or another failure that retrying will not fix.</summary>
    PermanentFailure,
}
