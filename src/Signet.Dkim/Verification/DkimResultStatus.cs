namespace Signet.Dkim.Verification;

/// <summary>The result of one signature, with the words of RFC 8601 §2.7.1.</summary>
public enum DkimResultStatus
{
    /// <summary>The signature verified.</summary>
    Pass,

    /// <summary>The signature was checked and did not verify (body hash or signature mismatch).</summary>
    Fail,

    /// <summary>The signature was not checked (beyond the configured bound) or carries a result a local policy chose to ignore.</summary>
    Neutral,

    /// <summary>The signature verified, but local policy does not accept it (e.g. an l= shorter than the body).</summary>
    Policy,

    /// <summary>A transient failure, usually DNS: try again later.</summary>
    TempError,

    /// <summary>A permanent error: malformed signature, key missing or unusable.</summary>
    PermError,
}
