namespace Signet.Relay;

/// <summary>The answer to a login: SMTP 235, 535 or 454 (RFC 4954 §6).</summary>
public enum RelayAuthenticationResult
{
    Succeeded,
    Failed,
    Unavailable,
}
