namespace Signet.Dkim.Signatures;

/// <summary>What could be read of a signature even when it does not parse: enough to report it
/// (<c>header.d</c>, <c>header.s</c>, <c>header.a</c>, <c>header.b</c> in Authentication-Results).</summary>
public sealed record DkimSignatureIdentity(string? SigningDomain, string? Selector, string? Algorithm, string? SignaturePrefix)
{
    public static DkimSignatureIdentity Unknown { get; } = new(null, null, null, null);
}
