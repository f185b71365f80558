namespace Signet.Dns.Publishing;

/// <summary>Why a change to DNS was not made, as a closed set: the caller decides from it whether trying again can
/// help (<see cref="PublicationResult.IsTemporary"/>), and the user reads <see cref="PublicationResult.Reason"/>.</summary>
public enum PublicationFailure
{
    /// <summary>The change was made (or was already in place).</summary>
    None,

    /// <summary>The record name is not a valid DNS name, or lies outside the publisher's zone.</summary>
    InvalidName,

    /// <summary>The value cannot be a DKIM key record: too long, or holding bytes a key record never has.</summary>
    InvalidValue,

    /// <summary>Another TXT record already holds the name; it is left alone.</summary>
    RecordConflict,

    /// <summary>The server did not accept our TSIG signature (RFC 8945 BADSIG): the secret differs from the server's.</summary>
    BadSignature,

    /// <summary>The server does not know the key name or its algorithm (RFC 8945 BADKEY).</summary>
    BadKey,

    /// <summary>The signing time is outside the server's window (RFC 8945 BADTIME): the clocks differ.</summary>
    BadTime,

    /// <summary>The answer's own TSIG is missing or wrong: it may be forged, so the outcome of the change is unknown.</summary>
    ResponseNotAuthenticated,

    /// <summary>REFUSED: the server's policy does not allow this update (RFC 2136 §3.3).</summary>
    Refused,

    /// <summary>NOTAUTH: the server is not authoritative for the zone, or does not accept the key for it (RFC 2136 §2.2, RFC 8945 §5.3.2).</summary>
    NotAuthorized,

    /// <summary>NOTZONE: the name is not within the zone the server holds under that name (RFC 2136 §2.2).</summary>
    NotZone,

    /// <summary>SERVFAIL: the server could not make the change (its journal or zone file failed).</summary>
    ServerFailure,

    /// <summary>No answer within the timeout.</summary>
    Timeout,

    /// <summary>Another response code or a network error.</summary>
    Failed,
}
