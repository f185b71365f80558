using Signet.Dkim;
using Signet.Store.Model;

namespace Signet.Store.Persistence;

/// <summary>A row of the keys table as StoreRowReader reads it.</summary>
internal sealed class KeyRow
{
    public const string Columns =
        "id, scope, domain, selector, algorithm, bits, public_key, sealed_private_key, state, created_at, activated_at, retired_at, " +
        "revoked_at, origin, activation_forced, dns_checked_at, dns_published, dns_matches, dns_summary, rotation_id";

    public string Id { get; set; } = string.Empty;

    public string Scope { get; set; } = string.Empty;

    public string Domain { get; set; } = string.Empty;

    public string Selector { get; set; } = string.Empty;

    public string Algorithm { get; set; } = string.Empty;

    public long Bits { get; set; }

    public byte[] PublicKey { get; set; } = [];

    public byte[] SealedPrivateKey { get; set; } = [];

    public string State { get; set; } = string.Empty;

    public long CreatedAt { get; set; }

    public long? ActivatedAt { get; set; }

    public long? RetiredAt { get; set; }

    public long? RevokedAt { get; set; }

    public string Origin { get; set; } = string.Empty;

    public long ActivationForced { get; set; }

    public long? DnsCheckedAt { get; set; }

    public long? DnsPublished { get; set; }

    public long? DnsMatches { get; set; }

    public string? DnsSummary { get; set; }

    public string? RotationId { get; set; }

    public KeyEntry ToEntry() => new()
    {
        Id = Guid.Parse(Id),
        Scope = Enum.Parse<KeyScope>(Scope),
        Domain = Domain,
        Selector = Selector,
        Algorithm = Enum.Parse<DkimAlgorithm>(Algorithm),
        Bits = (int)Bits,
        PublicKeyData = PublicKey,
        State = Enum.Parse<KeyState>(State),
        CreatedAt = StoreTime.FromTicks(CreatedAt),
        ActivatedAt = StoreTime.FromTicks(ActivatedAt),
        RetiredAt = StoreTime.FromTicks(RetiredAt),
        RevokedAt = StoreTime.FromTicks(RevokedAt),
        Origin = Origin,
        ActivationForced = ActivationForced != 0,
        LastDnsCheck = DnsCheckedAt is { } at
            ? new DnsCheckSummary(StoreTime.FromTicks(at), DnsPublished == 1, DnsMatches == 1, DnsSummary ?? string.Empty)
            : null,
        RotationId = RotationId is null ? null : Guid.Parse(RotationId),
    };
}
