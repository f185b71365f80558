using System.Net;
using Signet.Dns;
using Signet.Dns.Publishing;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Persistence;
using Signet.Store.Security;

namespace Signet.Store;

/// <summary>DNS publishers and each domain's choice of one, with its hands-off rotation settings.</summary>
public sealed partial class SignetStore
{
    public Task<StoreResult<IReadOnlyList<PublisherEntry>>> ListPublishersAsync(Actor actor, CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyList<PublisherEntry>>(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var rows = await session.QueryAsync<PublisherRow>($"SELECT {PublisherRow.Columns} FROM publishers ORDER BY name", null, cancellationToken)
                .ConfigureAwait(false);

            // A domain admin sees only the publishers that can write their domains' records: the others' zones would
            // tell which other domains Signet serves.
            return StoreResult<IReadOnlyList<PublisherEntry>>.Success(rows.Select(r => r.ToEntry()).Where(p => CanUse(actor, p)).ToList());
        });

    public Task<StoreResult<PublisherEntry>> AddPublisherAsync(Actor actor, PublisherRequest request, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (AccessPolicy.ManagePublishers(actor) is { } denied)
            {
                return denied;
            }

            if (!TryReadPublisher(request, out var settings, out string name, out string error))
            {
                return StoreResult<PublisherEntry>.Failure(StoreErrorKind.Invalid, error);
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            if (await LoadPublisherAsync(session, name, cancellationToken).ConfigureAwait(false) is not null)
            {
                return StoreResult<PublisherEntry>.Failure(StoreErrorKind.Conflict, $"a publisher named {name} already exists");
            }

            var id = Guid.NewGuid();
            var row = new PublisherRow
            {
                Id = id.ToString("D"), Name = name, Kind = nameof(PublisherKind.Rfc2136), PrimaryServer = settings.Primary.ToString(),
                Zone = settings.Zone, KeyName = settings.KeyName, CreatedAt = Now.UtcTicks,
                SealedSecret = _sealer.Seal([.. settings.Secret], KeySealer.PublisherAssociatedData(id, name)),
            };
            await session.ExecuteAsync(
                $"INSERT INTO publishers ({PublisherRow.Columns}) VALUES (@Id, @Name, @Kind, @PrimaryServer, @Zone, @KeyName, @SealedSecret, @CreatedAt)",
                StoreParameters.Of(row), cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "publisher.add", name, null,
                $"RFC 2136 publisher for zone {row.Zone} at {row.PrimaryServer} with TSIG key {row.KeyName}", cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<PublisherEntry>.Success(row.ToEntry());
        });

    public Task<StoreResult<bool>> RemovePublisherAsync(Actor actor, string name, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (AccessPolicy.ManagePublishers(actor) is { } denied)
            {
                return denied;
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            if (await LoadPublisherAsync(session, (name ?? string.Empty).Trim(), cancellationToken).ConfigureAwait(false) is not { } row)
            {
                return StoreResult<bool>.Failure(StoreErrorKind.NotFound, $"there is no publisher {name}");
            }

            var users = (await session.QueryAsync<string>("SELECT domain FROM domain_rotation WHERE publisher_id = @id ORDER BY domain",
                StoreParameters.Of(new { id = row.Id }), cancellationToken).ConfigureAwait(false)).ToList();
            if (users.Count > 0)
            {
                return StoreResult<bool>.Failure(StoreErrorKind.Conflict,
                    $"{row.Name} still publishes for {string.Join(", ", users)}: choose another publisher for them first");
            }

            await session.ExecuteAsync("DELETE FROM publishers WHERE id = @id", StoreParameters.Of(new { id = row.Id }), cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "publisher.remove", row.Name, null, "removed the publisher and its TSIG secret", cancellationToken)
                .ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<bool>.Success(true);
        });

    public Task<StoreResult<DomainRotationSettings>> GetRotationSettingsAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var found = await FindDomainAsync(session, actor, domain, cancellationToken).ConfigureAwait(false);
            if (!found.TryGetValue(out var entry, out var error))
            {
                return error;
            }

            return StoreResult<DomainRotationSettings>.Success(await LoadRotationSettingsAsync(session, entry.Name, cancellationToken).ConfigureAwait(false));
        });

    public Task<StoreResult<DomainRotationSettings>> SetRotationSettingsAsync(
        Actor actor, string domain, DomainRotationSettings settings, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(settings);
            if (!settings.TryValidate(out string error))
            {
                return StoreResult<DomainRotationSettings>.Failure(StoreErrorKind.Invalid, error);
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var found = await FindDomainAsync(session, actor, domain, cancellationToken).ConfigureAwait(false);
            if (!found.TryGetValue(out var value, out var foundError))
            {
                return foundError;
            }

            string name = value.Name;
            PublisherRow? publisher = null;
            if (settings.Publisher is { } publisherName)
            {
                publisher = await LoadPublisherAsync(session, publisherName.Trim(), cancellationToken).ConfigureAwait(false);
                if (publisher is null || !CanUse(actor, publisher.ToEntry()))
                {
                    return StoreResult<DomainRotationSettings>.Failure(StoreErrorKind.Invalid, $"there is no publisher {publisherName} for {name}");
                }

                if (!Covers(publisher.Zone, name))
                {
                    return StoreResult<DomainRotationSettings>.Failure(StoreErrorKind.Invalid,
                        $"{publisher.Name} updates the zone {publisher.Zone}, which does not hold {name}'s key records (SELECTOR._domainkey.{name})");
                }
            }

            var saved = settings with { Publisher = publisher?.Name };
            var row = new
            {
                domain = name, publisherId = publisher?.Id, interval = saved.Interval?.Ticks, kinds = saved.KeyKinds.ToString(),
                scheme = saved.SelectorScheme.ToString(), overlap = saved.Overlap.Ticks, revoked = saved.RevokedRecordLifetime.Ticks,
                paused = saved.Paused ? 1L : 0L,
            };
            await session.ExecuteAsync(
                $"""
                INSERT INTO domain_rotation ({DomainRotationRow.SettingsColumns})
                VALUES (@domain, @publisherId, @interval, @kinds, @scheme, @overlap, @revoked, @paused)
                ON CONFLICT (domain) DO UPDATE SET publisher_id = @publisherId, interval_ticks = @interval, key_kinds = @kinds,
                    selector_scheme = @scheme, overlap_ticks = @overlap, revoked_lifetime_ticks = @revoked, paused = @paused
                """, StoreParameters.Of(row), cancellationToken).ConfigureAwait(false);
            await AuditAsync(session, actor, "domain.rotation", name, name, Describe(saved), cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return StoreResult<DomainRotationSettings>.Success(saved);
        });

    /// <summary>The publisher a domain chose, with its secret opened: for the rotation driver only (server admins).
    /// Null when the domain publishes by hand. Its TSIG signatures carry the system clock's time, never the store's:
    /// the primary checks them against its own clock (RFC 8945 §5.2.3), whatever clock schedules the rotation.</summary>
    public Task<StoreResult<IDkimRecordPublisher?>> OpenPublisherAsync(Actor actor, string domain, CancellationToken cancellationToken) =>
        GuardAsync<IDkimRecordPublisher?>(async () =>
        {
            if (AccessPolicy.ManagePublishers(actor) is { } denied)
            {
                return denied;
            }

            await using var session = await _database.BeginAsync(cancellationToken).ConfigureAwait(false);
            var row = await session.QuerySingleOrDefaultAsync<PublisherRow>(
                $"SELECT {string.Join(", ", PublisherRow.Columns.Split(", ").Select(c => "p." + c))} FROM publishers p JOIN domain_rotation d ON d.publisher_id = p.id WHERE d.domain = @domain",
                StoreParameters.Of(new { domain }), cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return StoreResult<IDkimRecordPublisher?>.Success(null);
            }

            if (_sealer.Open(row.SealedSecret, KeySealer.PublisherAssociatedData(Guid.Parse(row.Id), row.Name)) is not { } secret)
            {
                // A damaged row, not the store failing: the master key opened the check at start.
                return StoreResult<IDkimRecordPublisher?>.Failure(StoreErrorKind.Invalid,
                    $"the TSIG secret of publisher {row.Name} does not open with the master key: add the publisher again");
            }

            if (!DnsResolverOptions.TryParseEndpoint(row.PrimaryServer, out IPEndPoint primary, out string error))
            {
                return StoreResult<IDkimRecordPublisher?>.Failure(StoreErrorKind.Invalid, $"publisher {row.Name}'s primary server: {error}");
            }

            var settings = new Rfc2136PublisherSettings { Primary = primary, Zone = row.Zone, KeyName = row.KeyName, Secret = secret };
            return StoreResult<IDkimRecordPublisher?>.Success(new Rfc2136Publisher(settings, TimeProvider.System));
        });

    private static bool TryReadPublisher(PublisherRequest request, out Rfc2136PublisherSettings settings, out string name, out string error)
    {
        settings = null!;
        name = (request.Name ?? string.Empty).Trim();
        if (name.Length is 0 or > 64 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            error = "a publisher's name is 1-64 letters, digits, '-', '_' or '.'";
            return false;
        }

        if (!DnsResolverOptions.TryParseEndpoint(request.Primary ?? string.Empty, out IPEndPoint primary, out error))
        {
            error = $"the primary server: {error}";
            return false;
        }

        if (!Rfc2136PublisherSettings.TryDecodeSecret(request.Secret ?? string.Empty, out byte[] secret, out error))
        {
            return false;
        }

        if (!DomainNames.TryNormalize(request.Zone ?? string.Empty, out string zone, out error))
        {
            error = $"the zone: {error}";
            return false;
        }

        settings = new Rfc2136PublisherSettings { Primary = primary, Zone = zone, KeyName = (request.KeyName ?? string.Empty).Trim().TrimEnd('.').ToLowerInvariant(), Secret = secret };
        return settings.TryValidate(out error);
    }

    private static bool CanUse(Actor actor, PublisherEntry publisher) =>
        AccessPolicy.IsServerAdmin(actor) || actor.Domains.Any(d => Covers(publisher.Zone, d));

    // The records are SELECTOR._domainkey.DOMAIN: the zone holds them when it holds that name (a zone delegated at
    // _domainkey.DOMAIN does too).
    private static bool Covers(string zone, string domain) => Rfc2136PublisherSettings.ZoneCovers(zone, $"selector._domainkey.{domain}");

    private static async Task<PublisherRow?> LoadPublisherAsync(StoreSession session, string name, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<PublisherRow>($"SELECT {PublisherRow.Columns} FROM publishers WHERE name = @name", StoreParameters.Of(new { name }), cancellationToken)
            .ConfigureAwait(false);

    private static async Task<DomainRotationSettings> LoadRotationSettingsAsync(StoreSession session, string domain, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<DomainRotationRow>(
            $"SELECT {DomainRotationRow.SettingsColumns} FROM domain_rotation WHERE domain = @domain", StoreParameters.Of(new { domain }), cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return new DomainRotationSettings();
        }

        string? publisher = row.PublisherId is null
            ? null
            : await session.ScalarAsync<string>("SELECT name FROM publishers WHERE id = @id", StoreParameters.Of(new { id = row.PublisherId }), cancellationToken).ConfigureAwait(false);
        return row.ToSettings(publisher);
    }

    private static string Describe(DomainRotationSettings settings) =>
        $"publisher {settings.Publisher ?? "none (by hand)"}, rotation {(settings.Interval is { } i ? $"every {DurationText.Describe(i)}" : "off")}, " +
        $"keys {settings.KeyKinds}, selectors {settings.SelectorScheme}, overlap {DurationText.Describe(settings.Overlap)}, " +
        $"revoked record kept {DurationText.Describe(settings.RevokedRecordLifetime)}{(settings.Paused ? ", paused" : string.Empty)}";
}
