using Signet.Dkim;
using Signet.Store.Model;

namespace Signet.Admin.Api.Keys;

/// <summary>A key as the API shows it: its identity, state and public half. There is no field for the private key:
/// it never leaves the store through the API.</summary>
public sealed record KeyView(
    Guid Id,
    string Scope,
    string Domain,
    string Selector,
    string RecordName,
    string Algorithm,
    int Bits,
    string State,
    string PublicKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? RetiredAt,
    DateTimeOffset? RevokedAt,
    string Origin,
    bool ActivationForced,
    Guid? RotationId,
    DnsCheckView? LastDnsCheck)
{
    public static KeyView From(KeyEntry key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new KeyView(
            key.Id,
            key.Scope == KeyScope.Server ? "server" : "domain",
            key.Domain,
            key.Selector,
            key.RecordName,
            key.Algorithm.ToTagValue(),
            key.Bits,
            key.State.ToString().ToLowerInvariant(),
            Convert.ToBase64String(key.PublicKeyData),
            key.CreatedAt,
            key.ActivatedAt,
            key.RetiredAt,
            key.RevokedAt,
            key.Origin,
            key.ActivationForced,
            key.RotationId,
            key.LastDnsCheck is { } check ? DnsCheckView.From(check) : null);
    }
}
