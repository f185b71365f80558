using System.Collections.Concurrent;
using System.Text;
using Signet.Admin.Api.Keys;
using Signet.Dkim;
using Signet.Dkim.Diagnostics;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Commands.Store.Remote;

/// <summary>Keys and rotations over <c>/api/domains/{domain}/…</c> and <c>/api/server/…</c>. The API reaches a key
/// only under its owner, so the owner of every key seen is remembered, and a key named by id alone is looked for
/// among the server's keys, then each domain's.</summary>
public sealed partial class ApiStoreClient
{
    private readonly ConcurrentDictionary<Guid, string> _ownerPaths = new();

    public async Task<StoreResult<IReadOnlyList<KeyEntry>>> ListKeysAsync(Actor actor, KeyOwner owner, CancellationToken cancellationToken) =>
        MapAll(await GetAsync<List<KeyView>>(OwnerPath(owner) + "/keys", cancellationToken).ConfigureAwait(false), ToEntry);

    public async Task<StoreResult<KeyEntry>> GetKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken)
    {
        var path = await OwnerPathOfAsync(keyId, cancellationToken).ConfigureAwait(false);
        return path.TryGetValue(out var ownerPath, out var error) ? Map(await GetAsync<KeyView>($"{ownerPath}/keys/{keyId}", cancellationToken).ConfigureAwait(false), ToEntry) : error;
    }

    public async Task<StoreResult<KeyEntry>> GenerateKeyAsync(Actor actor, KeyOwner owner, KeyGenerationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Map(await SendAsync<KeyView>(HttpMethod.Post, OwnerPath(owner) + "/keys",
            new GenerateKeyRequest(request.Selector, request.KeyType.ToTagValue(), request.KeyType == DkimKeyType.Ed25519 ? null : request.RsaBits), cancellationToken).ConfigureAwait(false), ToEntry);
    }

    public async Task<StoreResult<KeyEntry>> ImportKeyAsync(Actor actor, KeyOwner owner, string selector, ReadOnlyMemory<byte> privateKey, CancellationToken cancellationToken) =>
        Map(await SendAsync<KeyView>(HttpMethod.Post, OwnerPath(owner) + "/keys/import",
            new ImportKeyRequest(selector, Encoding.UTF8.GetString(privateKey.Span)), cancellationToken).ConfigureAwait(false), ToEntry);

    public async Task<StoreResult<KeyEntry>> CheckKeyDnsAsync(Actor actor, Guid keyId, CancellationToken cancellationToken)
    {
        var path = await OwnerPathOfAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (!path.TryGetValue(out var value, out var error))
        {
            return error;
        }

        var status = await SendAsync<DnsStatusView>(HttpMethod.Post, $"{value}/keys/{keyId}/dns/check", null, cancellationToken).ConfigureAwait(false);
        if (!status.TryGetValue(out var rotation, out var statusError))
        {
            return statusError;
        }

        // The check's findings are in its answer only; the key read back carries its summary.
        var key = await GetKeyAsync(actor, keyId, cancellationToken).ConfigureAwait(false);
        return key.TryGetValue(out var keyEntry, out _) ? StoreResult<KeyEntry>.Success(keyEntry with { LastDnsCheck = ToSummary(rotation.Check) }) : key;
    }

    public Task<StoreResult<KeyEntry>> ActivateKeyAsync(Actor actor, Guid keyId, bool force, CancellationToken cancellationToken) =>
        StepAsync(keyId, force ? "activate?force=true" : "activate", cancellationToken);

    public Task<StoreResult<KeyEntry>> RetireKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken) => StepAsync(keyId, "retire", cancellationToken);

    public Task<StoreResult<KeyEntry>> RevokeKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken) => StepAsync(keyId, "revoke", cancellationToken);

    public async Task<StoreResult<bool>> DeleteKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken)
    {
        var path = await OwnerPathOfAsync(keyId, cancellationToken).ConfigureAwait(false);
        return path.TryGetValue(out var ownerPath, out var error) ? await SendAsync<bool>(HttpMethod.Delete, $"{ownerPath}/keys/{keyId}", null, cancellationToken).ConfigureAwait(false) : error;
    }

    public async Task<StoreResult<RotationEntry>> StartRotationAsync(Actor actor, Guid oldKeyId, string newSelector, CancellationToken cancellationToken)
    {
        var path = await OwnerPathOfAsync(oldKeyId, cancellationToken).ConfigureAwait(false);
        if (!path.TryGetValue(out var value, out var error))
        {
            return error;
        }

        var started = Map(await SendAsync<RotationView>(HttpMethod.Post, $"{value}/keys/{oldKeyId}/rotations", new StartRotationRequest(newSelector), cancellationToken)
            .ConfigureAwait(false), ToEntry);
        if (started.TryGetValue(out var rotation, out _))
        {
            _ownerPaths[rotation.NewKeyId] = value;
        }

        return started;
    }

    public async Task<StoreResult<IReadOnlyList<RotationEntry>>> ListRotationsAsync(Actor actor, KeyOwner owner, CancellationToken cancellationToken) =>
        MapAll(await GetAsync<List<RotationView>>(OwnerPath(owner) + "/rotations", cancellationToken).ConfigureAwait(false), ToEntry);

    private async Task<StoreResult<KeyEntry>> StepAsync(Guid keyId, string step, CancellationToken cancellationToken)
    {
        var path = await OwnerPathOfAsync(keyId, cancellationToken).ConfigureAwait(false);
        return path.TryGetValue(out var value, out var error)
            ? Map(await SendAsync<KeyView>(HttpMethod.Post, $"{value}/keys/{keyId}/{step}", null, cancellationToken).ConfigureAwait(false), ToEntry)
            : error;
    }

    private static string OwnerPath(KeyOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return owner.Scope == KeyScope.Server ? "api/server" : DomainPath(owner.Domain!);
    }

    private async Task<StoreResult<string>> OwnerPathOfAsync(Guid keyId, CancellationToken cancellationToken)
    {
        if (_ownerPaths.TryGetValue(keyId, out string? known))
        {
            return StoreResult<string>.Success(known);
        }

        var owners = new List<KeyOwner> { KeyOwner.Server };
        var domains = await ListDomainsAsync(Actor.LocalAdministrator, cancellationToken).ConfigureAwait(false);
        if (domains.TryGetValue(out var domainList, out _))
        {
            owners.AddRange(domainList.Select(d => KeyOwner.ForDomain(d.Name)));
        }

        foreach (var owner in owners)
        {
            // A domain admin's token is refused the server's keys: that owner is simply not theirs to search.
            await ListKeysAsync(Actor.LocalAdministrator, owner, cancellationToken).ConfigureAwait(false);
            if (_ownerPaths.TryGetValue(keyId, out string? found))
            {
                return StoreResult<string>.Success(found);
            }
        }

        return new StoreError(StoreErrorKind.NotFound, $"there is no key {keyId} (signet key list shows them)");
    }

    private KeyEntry ToEntry(KeyView view)
    {
        var entry = new KeyEntry
        {
            Id = view.Id,
            Scope = view.Scope == "server" ? KeyScope.Server : KeyScope.Domain,
            Domain = view.Domain,
            Selector = view.Selector,
            Algorithm = DkimAlgorithmNames.TryParse(Encoding.ASCII.GetBytes(view.Algorithm), out var algorithm) ? algorithm : DkimAlgorithm.RsaSha256,
            Bits = view.Bits,
            PublicKeyData = Convert.FromBase64String(view.PublicKey),
            State = Enum.Parse<KeyState>(view.State, ignoreCase: true),
            CreatedAt = view.CreatedAt,
            ActivatedAt = view.ActivatedAt,
            RetiredAt = view.RetiredAt,
            RevokedAt = view.RevokedAt,
            Origin = view.Origin,
            ActivationForced = view.ActivationForced,
            RotationId = view.RotationId,
            LastDnsCheck = view.LastDnsCheck is { } check ? ToSummary(check) : null,
        };
        _ownerPaths[entry.Id] = OwnerPath(entry.Scope == KeyScope.Server ? KeyOwner.Server : KeyOwner.ForDomain(entry.Domain));
        return entry;
    }

    private static DnsCheckSummary ToSummary(DnsCheckView check) => new(check.CheckedAt, check.Published, check.Matches, check.Summary)
    {
        Findings = check.Findings.Select(f => new DkimRecordFinding(
            Enum.TryParse<DkimFindingSeverity>(f.Severity, ignoreCase: true, out var severity) ? severity : DkimFindingSeverity.Error,
            Enum.TryParse<DkimRecordFindingKind>(f.Kind, ignoreCase: true, out var kind) ? kind : default,
            f.Message)).ToList(),
    };

    private static RotationEntry ToEntry(RotationView view) =>
        new(view.Id, view.OldKeyId, view.NewKeyId, Enum.Parse<RotationStep>(view.Step, ignoreCase: true), view.StartedAt, view.SwitchedAt,
            TimeSpan.FromDays(view.RevokeOldAfterDays), view.Explanation);
}
