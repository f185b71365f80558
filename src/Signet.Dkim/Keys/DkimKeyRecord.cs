using Signet.Dkim.Verification;

namespace Signet.Dkim.Keys;

/// <summary>A DKIM key record: the TXT record published at <c>selector._domainkey.domain</c> (RFC 6376 §3.6.1,
/// RFC 8463 §4). Several TXT strings are joined by the caller before parsing (RFC 6376 §3.6.2.2).</summary>
public sealed record DkimKeyRecord
{
    /// <summary><c>v=</c>: "DKIM1" when present; null when the record has no version tag.</summary>
    public string? Version { get; init; }

    /// <summary><c>k=</c>: rsa when absent (RFC 6376 §3.6.1).</summary>
    public DkimKeyType KeyType { get; init; } = DkimKeyType.Rsa;

    /// <summary><c>h=</c>: the hash algorithms this key may sign with; null (tag absent) allows all.</summary>
    public IReadOnlyList<string>? AcceptableHashAlgorithms { get; init; }

    /// <summary><c>p=</c> decoded from base64; empty means the key has been revoked.</summary>
    public byte[] PublicKeyData { get; init; } = [];

    /// <summary><c>s=</c>: the service types the key is for; "*" (all) when absent.</summary>
    public IReadOnlyList<string> ServiceTypes { get; init; } = ["*"];

    /// <summary><c>t=y</c>: the domain is testing DKIM; verifiers treat its mail as unsigned.</summary>
    public bool IsTesting { get; init; }

    /// <summary><c>t=s</c>: the <c>i=</c> domain must equal <c>d=</c>, not be a subdomain of it.</summary>
    public bool IsStrict { get; init; }

    /// <summary><c>n=</c>: notes for people, as written in the record.</summary>
    public string? Notes { get; init; }

    /// <summary>True when <c>p=</c> is empty (RFC 6376 §3.6.1).</summary>
    public bool IsRevoked => PublicKeyData.Length == 0;

    /// <summary>Whether <c>h=</c> allows a hash algorithm such as "sha256".</summary>
    public bool AllowsHashAlgorithm(string name) =>
        AcceptableHashAlgorithms is null || AcceptableHashAlgorithms.Contains(name, StringComparer.Ordinal);

    /// <summary>Whether <c>s=</c> allows email, the only service type DKIM defines (RFC 6376 §3.6.1).</summary>
    public bool AllowsEmail => ServiceTypes.Contains("*") || ServiceTypes.Contains("email");

    /// <summary>Parses a key record. Every failure has reason <see cref="DkimFailureReason.KeySyntax"/> and a message
    /// that names the tag and what is wrong with it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DkimKeyRecord record, out DkimFailure failure) =>
        DkimKeyRecordParser.TryParse(text, out record, out failure);

    /// <summary>Decodes <c>p=</c> into a key ready to verify with. Fails with KeyRevoked (empty <c>p=</c>),
    /// KeyTooShort (RSA under 1024 bits, RFC 8301 §3.2) or KeySyntax (bytes that are not a key of type <c>k=</c>).</summary>
    public bool TryGetPublicKey(out DkimPublicKey key, out DkimFailure failure)
    {
        key = null!;
        failure = null!;
        if (IsRevoked)
        {
            failure = new DkimFailure(DkimFailureReason.KeyRevoked, "the key has been revoked: p= is empty (RFC 6376 §3.6.1)");
            return false;
        }

        return KeyType == DkimKeyType.Ed25519 ? TryGetEd25519Key(out key, out failure) : TryGetRsaKey(out key, out failure);
    }

    /// <summary>Writes the TXT value that publishes <paramref name="key"/>: <c>v=DKIM1; k=rsa; p=…</c>, with
    /// <c>t=y</c> before <c>p=</c> when <paramref name="testing"/>.</summary>
    public static string Format(DkimPublicKey key, bool testing = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Format(key.KeyType, key.ExportRecordData(), testing);
    }

    /// <summary>Writes the TXT value for a public key already in its record form (<c>p=</c> data, RFC 6376 §3.6.1;
    /// the raw 32 bytes for Ed25519, RFC 8463 §4).</summary>
    public static string Format(DkimKeyType keyType, ReadOnlySpan<byte> publicKeyData, bool testing = false)
    {
        string flags = testing ? " t=y;" : string.Empty;
        return $"v=DKIM1; k={keyType.ToTagValue()};{flags} p={Convert.ToBase64String(publicKeyData)}";
    }

    private bool TryGetRsaKey(out DkimPublicKey key, out DkimFailure failure)
    {
        key = null!;
        failure = null!;
        if (!RsaDkimPublicKey.TryImport(PublicKeyData, out var rsa))
        {
            failure = new DkimFailure(DkimFailureReason.KeySyntax,
                "p= does not hold an RSA public key (the record may be truncated)");
            return false;
        }

        if (!DkimKeySizes.IsRsaSizeToVerify(rsa.KeySizeBits, out string error))
        {
            failure = new DkimFailure(DkimFailureReason.KeyTooShort, error);
            return false;
        }

        key = rsa;
        return true;
    }

    private bool TryGetEd25519Key(out DkimPublicKey key, out DkimFailure failure)
    {
        key = null!;
        failure = null!;
        if (Ed25519DkimPublicKey.TryImport(PublicKeyData, out var ed25519))
        {
            key = ed25519;
            return true;
        }

        // RFC 8463 §4 publishes the bare key; a 44-byte DER SubjectPublicKeyInfo is a common mistake.
        string hint = PublicKeyData is [0x30, ..] && PublicKeyData.Length == 44
            ? ": this looks like a SubjectPublicKeyInfo; publish only the raw key (its last 32 bytes)"
            : string.Empty;
        string message = PublicKeyData.Length == DkimKeySizes.Ed25519KeyBytes
            ? "p= does not hold a valid Ed25519 public key"
            : $"p= holds {PublicKeyData.Length} bytes, but an Ed25519 public key is {DkimKeySizes.Ed25519KeyBytes} raw bytes (RFC 8463 §4){hint}";
        failure = new DkimFailure(DkimFailureReason.KeySyntax, message);
        return false;
    }
}
