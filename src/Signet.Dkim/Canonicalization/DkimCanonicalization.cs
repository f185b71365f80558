namespace Signet.Dkim.Canonicalization;

/// <summary>One canonicalization algorithm, RFC 6376 §3.4.</summary>
public enum DkimCanonicalization
{
    Simple,
    Relaxed,
}
