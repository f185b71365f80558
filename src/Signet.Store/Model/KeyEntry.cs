using Signet.Dkim;

namespace Signet.Store.Model;

/// <summary>A key as the store shows it: everything but the private key, which never leaves through this type.</summary>
public sealed record KeyEntry
{
    public required Guid Id { get; init; }

    public required KeyScope Scope { get; init; }

    /// <summary>The signing domain (d=): the protected domain, or the server host name for the server-wide key.</summary>
    public required string Domain { get; init; }

    public required string Selector { get; init; }

    public required DkimAlgorithm Algorithm { get; init; }

    public required int Bits { get; init; }

    /// <summary>The p= data (SubjectPublicKeyInfo DER for RSA, 32 raw bytes for Ed25519).</summary>
    public required byte[] PublicKeyData { get; init; }

    public required KeyState State { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ActivatedAt { get; init; }

    public DateTimeOffset? RetiredAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Where the key came from: "generated" or "imported" (with the format).</summary>
    public required string Origin { get; init; }

    /// <summary>The last DNS check of this key's record, when one was made.</summary>
    public DnsCheckSummary? LastDnsCheck { get; init; }

    /// <summary>The key was activated without a matching DNS record, on an admin's explicit order.</summary>
    public bool ActivationForced { get; init; }

    /// <summary>The rotation that replaces this key, or that this key is the new key of.</summary>
    public Guid? RotationId { get; init; }

    public string RecordName => $"{Selector}._domainkey.{Domain}";
}
