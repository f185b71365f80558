namespace Signet.Relay;

/// <summary>The answer to a login: SMTP 235, 535 or 454 (RFC 4954 §6).</summary>
public enum RelayAuthenticationResult
{
    Succeeded,
    Failed,
    Unavailable,

    /// <summary>Too many recent failures for this user or from this address: the password was not checked.
    /// A temporary failure (454 4.7.0, RFC 4954 §6), so a real client tries again later.</summary>
    Throttled,
}
