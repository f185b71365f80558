using System.Text;
using Signet.Dkim;
using Signet.Dkim.DnsText;
using Signet.Dkim.Keys;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Persistence;
using Signet.Store.Security;

namespace Signet.Store;

/// <summary>Keys: listing, generation and import.</summary>
public sealed partial class SignetStore
{
    public Task<StoreResult<IReadOnlyList<KeyEntry>>> ListKeysAsync(Actor actor, KeyOwner owner, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<KeyEntry>>(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var resolved = await ResolveOwnerAsync(session, actor, owner, cancellationToken).ConfigureAwait(false);
            if (!resolved.TryGetValue(out var domainName, out var error))
            {
                return error;
            }

            var rows = await session.QueryAsync<KeyRow>(
                $"SELECT {KeyRow.Columns} FROM keys WHERE scope = @scope AND (@scope = 'Server' OR domain = @domain) AND state <> 'Deleted' ORDER BY created_at DESC",
                StoreParameters.Of(new { scope = owner.Scope.ToString(), domain = domainName }), cancellationToken).ConfigureAwait(false);
            return StoreResult<IReadOnlyList<KeyEntry>>.Success(rows.Select(r => r.ToEntry()).ToList());
        });

    public Task<StoreResult<KeyEntry>> GetKeyAsync(Actor actor, Guid keyId, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var found = await FindKeyAsync(session, actor, keyId, cancellationToken).ConfigureAwait(false);
            return found.TryGetValue(out var entry, out var error) ? StoreResult<KeyEntry>.Success(entry.ToEntry()) : error;
        });

    public Task<StoreResult<KeyEntry>> GenerateKeyAsync(Actor actor, KeyOwner owner, KeyGenerationRequest request, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            // Access first: an RSA 4096 key costs seconds of CPU, which nobody may spend on a domain they cannot manage.
            if (await CheckOwnerAsync(actor, owner, cancellationToken).ConfigureAwait(false) is { } denied)
            {
                return denied;
            }

            if (request.KeyType == DkimKeyType.Rsa && !DkimKeySizes.IsRsaSizeToGenerate(request.RsaBits, out string size))
            {
                return StoreResult<KeyEntry>.Failure(StoreErrorKind.Invalid, size);
            }

            // Generated outside the transaction (the database should not wait for it); AddKeyAsync checks access again.
            using var key = KeyGenerator(request.KeyType, request.RsaBits);
            return await AddKeyAsync(actor, owner, request.Selector, key, "generated", "key.generate", cancellationToken).ConfigureAwait(false);
        });

    public Task<StoreResult<KeyEntry>> ImportKeyAsync(
        Actor actor, KeyOwner owner, string selector, ReadOnlyMemory<byte> privateKey, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            // Access before parsing what the caller sent, as for generation.
            if (await CheckOwnerAsync(actor, owner, cancellationToken).ConfigureAwait(false) is { } denied)
            {
                return denied;
            }

            if (!DkimPrivateKeyReader.TryRead(privateKey.Span, out var key, out string error))
            {
                return StoreResult<KeyEntry>.Failure(StoreErrorKind.Invalid, "the private key cannot be imported: " + error);
            }

            using (key)
            {
                if (key.KeyType == DkimKeyType.Rsa && !DkimKeySizes.IsRsaSizeToSignWith(key.KeySizeBits, out string size))
                {
                    return StoreResult<KeyEntry>.Failure(StoreErrorKind.Invalid, "the private key cannot be imported: " + size);
                }

                string origin = "imported (" + ImportFormat(privateKey.Span) + ")";
                return await AddKeyAsync(actor, owner, selector, key, origin, "key.import", cancellationToken).ConfigureAwait(false);
            }
        });

    /// <summary>Stores a new pending key, sealed under the master key, after the access and selector checks.</summary>
    internal async Task<StoreResult<KeyEntry>> AddKeyAsync(
        Actor actor, KeyOwner owner, string selector, DkimPrivateKey key, string origin, string action, CancellationToken cancellationToken,
        KeyState state = KeyState.Pending)
    {
        await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
        var resolved = await ResolveOwnerAsync(session, actor, owner, cancellationToken).ConfigureAwait(false);
        if (!resolved.TryGetValue(out var domainName, out var error))
        {
            return error;
        }

        string domain = domainName;
        var added = await InsertKeyAsync(session, owner.Scope, domain, selector, key, origin, state, null, cancellationToken).ConfigureAwait(false);
        if (!added.TryGetValue(out var addedKey, out var addedError))
        {
            return addedError;
        }

        await AuditAsync(session, actor, action, addedKey.RecordName, owner.Scope == KeyScope.Domain ? domain : null,
            $"{Describe(addedKey)}, {origin}, state {state}", cancellationToken).ConfigureAwait(false);
        await BumpRevisionAsync(session, cancellationToken).ConfigureAwait(false);
        await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    private async Task<StoreResult<KeyEntry>> InsertKeyAsync(
        StoreSession session, KeyScope scope, string domain, string selector, DkimPrivateKey key, string origin, KeyState state,
        Guid? rotationId, CancellationToken cancellationToken)
    {
        selector = (selector ?? string.Empty).Trim().ToLowerInvariant();
        if (!DkimDnsRecordName.TryValidate(selector, domain, out string error))
        {
            return StoreResult<KeyEntry>.Failure(StoreErrorKind.Invalid, error);
        }

        long taken = await session.ScalarAsync<long>(
            "SELECT COUNT(*) FROM keys WHERE scope = @scope AND domain = @domain AND selector = @selector AND state <> 'Deleted'",
            StoreParameters.Of(new { scope = scope.ToString(), domain, selector }), cancellationToken).ConfigureAwait(false);
        if (taken > 0)
        {
            return StoreResult<KeyEntry>.Failure(StoreErrorKind.Conflict,
                $"the selector {selector} is already used by a key of {domain}: choose another (s2, or a date such as 202601)");
        }

        var id = Guid.NewGuid();
        var now = Now;
        var entry = new KeyEntry
        {
            Id = id,
            Scope = scope,
            Domain = domain,
            Selector = selector,
            Algorithm = key.Algorithm,
            Bits = key.KeySizeBits,
            PublicKeyData = key.PublicKey.ExportRecordData(),
            State = state,
            CreatedAt = now,
            ActivatedAt = state == KeyState.Active ? now : null,
            Origin = origin,
            RotationId = rotationId,
        };
        byte[] sealedKey = _sealer.Seal(Encoding.UTF8.GetBytes(key.ExportPkcs8Pem()), KeySealer.KeyAssociatedData(id, domain, selector));
        await session.ExecuteAsync(
            """
            INSERT INTO keys (id, scope, domain, selector, algorithm, bits, public_key, sealed_private_key, state, created_at, activated_at, origin, activation_forced, rotation_id)
            VALUES (@id, @scope, @domain, @selector, @algorithm, @bits, @publicKey, @sealedKey, @state, @createdAt, @activatedAt, @origin, 0, @rotationId)
            """,
            StoreParameters.Of(new
            {
                id = id.ToString("D"), scope = scope.ToString(), domain, selector, algorithm = entry.Algorithm.ToString(), bits = (long)entry.Bits,
                publicKey = entry.PublicKeyData, sealedKey, state = state.ToString(), createdAt = now.UtcTicks,
                activatedAt = StoreTime.Ticks(entry.ActivatedAt), origin, rotationId = rotationId?.ToString("D"),
            }),
            cancellationToken).ConfigureAwait(false);
        return StoreResult<KeyEntry>.Success(entry);
    }

    /// <summary>Makes the keys the store generates; tests replace it to see whether a key was made.</summary>
    internal Func<DkimKeyType, int, DkimPrivateKey> KeyGenerator { get; set; } = DkimKeyGenerator.Generate;

    /// <summary>The access check of <see cref="ResolveOwnerAsync"/> alone, in a short session of its own, for operations
    /// that must refuse a caller before they do expensive work.</summary>
    private async Task<StoreError?> CheckOwnerAsync(Actor actor, KeyOwner owner, CancellationToken cancellationToken)
    {
        await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
        var resolved = await ResolveOwnerAsync(session, actor, owner, cancellationToken).ConfigureAwait(false);
        return resolved.TryGetValue(out _, out var error) ? null : error;
    }

    /// <summary>The d= for an owner: the domain (which must exist and be visible) or the server's host name.</summary>
    private static async Task<StoreResult<string>> ResolveOwnerAsync(StoreSession session, Actor actor, KeyOwner owner, CancellationToken cancellationToken)
    {
        if (AccessPolicy.ManageKeysOf(actor, owner) is { } denied)
        {
            return denied;
        }

        if (owner.Scope == KeyScope.Server)
        {
            return StoreResult<string>.Success((await LoadServerSettingsAsync(session, cancellationToken).ConfigureAwait(false)).HostName);
        }

        var domain = await FindDomainAsync(session, actor, owner.Domain ?? string.Empty, cancellationToken).ConfigureAwait(false);
        return domain.TryGetValue(out var domainEntry, out var error) ? StoreResult<string>.Success(domainEntry.Name) : error;
    }

    /// <summary>The key row when it exists and the actor may manage it; NotFound for another domain's key.</summary>
    private static async Task<StoreResult<KeyRow>> FindKeyAsync(StoreSession session, Actor actor, Guid keyId, CancellationToken cancellationToken)
    {
        var row = await LoadKeyRowAsync(session, keyId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return AccessPolicy.NoSuchKey(keyId);
        }

        return AccessPolicy.ManageKey(actor, row.ToEntry()) is { } denied ? denied : StoreResult<KeyRow>.Success(row);
    }

    private static Task<KeyRow?> LoadKeyRowAsync(StoreSession session, Guid keyId, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<KeyRow>($"SELECT {KeyRow.Columns} FROM keys WHERE id = @id", StoreParameters.Of(new { id = keyId.ToString("D") }), cancellationToken);

    /// <summary>How many sealed private keys this store has opened: a private key is opened only where it is needed
    /// (signing, export), and tests hold the paths that need none (listing, explaining) to zero.</summary>
    internal long PrivateKeysOpened => Interlocked.Read(ref _privateKeysOpened);

    /// <summary>How many SQL commands this store has sent to its database, for tests that hold a page to a fixed number.</summary>
    internal long DatabaseCommands => _database.Commands;

    /// <summary>Opens a key's sealed private key; null when the master key or the row's identity does not match.</summary>
    private DkimPrivateKey? OpenPrivateKey(KeyRow row)
    {
        Interlocked.Increment(ref _privateKeysOpened);
        byte[]? pem = _sealer.Open(row.SealedPrivateKey, KeySealer.KeyAssociatedData(Guid.Parse(row.Id), row.Domain, row.Selector));
        return pem is not null && DkimPrivateKeyReader.TryRead(pem, out var key, out _) ? key : null;
    }

    private static string ImportFormat(ReadOnlySpan<byte> content) =>
        content.IndexOf("BEGIN RSA PRIVATE KEY"u8) >= 0 ? "PKCS#1 PEM"
        : content.IndexOf("BEGIN PRIVATE KEY"u8) >= 0 ? "PKCS#8 PEM"
        : "Ed25519 seed";

    private static string Describe(KeyEntry key) =>
        key.Algorithm == DkimAlgorithm.Ed25519Sha256 ? "Ed25519" : $"RSA {key.Bits} bits";
}
