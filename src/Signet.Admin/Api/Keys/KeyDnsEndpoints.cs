using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Api.Access;
using Signet.Dkim.DnsText;
using Signet.Store;

namespace Signet.Admin.Api.Keys;

/// <summary>What to publish for a key, in every format Signet writes, and what DNS holds for it now.</summary>
public static class KeyDnsEndpoints
{
    private const int Ttl = 3600;

    public static void MapKeyDnsEndpoints(this RouteGroupBuilder owner, string names)
    {
        ArgumentNullException.ThrowIfNull(owner);
        owner.MapGet("/keys/{id:guid}/dns", RecordAsync).WithName($"Get{names}KeyDnsRecord")
            .WithSummary("The TXT record to publish for the key")
            .WithDescription("Without format: a JSON object with every form. With format=value|quoted|escaped|zone: that text alone as text/plain; format=json: the record as a JSON object for DNS APIs.");
        owner.MapPost("/keys/{id:guid}/dns/check", CheckAsync).WithName($"Check{names}KeyDns")
            .WithSummary("Look the key's record up in DNS now and diagnose it");
    }

    private static async Task<Results<Ok<KeyDnsRecordView>, ContentHttpResult, ProblemHttpResult>> RecordAsync(
        Guid id, HttpContext http, IKeyStore store, CancellationToken cancellationToken, string? format = null)
    {
        DkimDnsTextFormat? chosen = null;
        if (format is not null)
        {
            if (!TryParseFormat(format, out var parsed))
            {
                return ApiProblems.Invalid($"format \"{format}\" is not known: use value, quoted, escaped, zone or json");
            }

            chosen = parsed;
        }

        var key = await KeyOwners.LoadAsync(store, ApiActor.Of(http), KeyOwners.Of(http), id, cancellationToken).ConfigureAwait(false);
        if (!key.TryGetValue(out var keyEntry, out var error))
        {
            return ApiProblems.From(error);
        }

        string name = keyEntry.RecordName;
        string value = KeyRecords.ValueFor(keyEntry);
        if (chosen is { } one)
        {
            string text = DkimDnsTextFormatter.Format(name, value, one, Ttl);
            return TypedResults.Text(text + "\n", one == DkimDnsTextFormat.Json ? "application/json" : "text/plain; charset=utf-8");
        }

        return TypedResults.Ok(new KeyDnsRecordView(
            name,
            "TXT",
            Ttl,
            value,
            DkimDnsTextFormatter.Split(value),
            DkimDnsTextFormatter.Format(name, value, DkimDnsTextFormat.Quoted, Ttl),
            DkimDnsTextFormatter.Format(name, value, DkimDnsTextFormat.Escaped, Ttl),
            DkimDnsTextFormatter.Format(name, value, DkimDnsTextFormat.Zone, Ttl)));
    }

    private static async Task<Results<Ok<DnsStatusView>, ProblemHttpResult>> CheckAsync(
        Guid id, HttpContext http, IKeyStore store, CancellationToken cancellationToken)
    {
        var actor = ApiActor.Of(http);
        var key = await KeyOwners.LoadAsync(store, actor, KeyOwners.Of(http), id, cancellationToken).ConfigureAwait(false);
        if (!key.TryGetValue(out _, out var error))
        {
            return ApiProblems.From(error);
        }

        var checkedKey = await store.CheckKeyDnsAsync(actor, id, cancellationToken).ConfigureAwait(false);
        if (!checkedKey.TryGetValue(out var entry, out var checkedKeyError))
        {
            return ApiProblems.From(checkedKeyError);
        }

        return TypedResults.Ok(new DnsStatusView(entry.RecordName, KeyRecords.ValueFor(entry), entry.State.ToString().ToLowerInvariant(),
            DnsCheckView.From(entry.LastDnsCheck!)));
    }

    private static bool TryParseFormat(string text, out DkimDnsTextFormat format)
    {
        format = text.ToLowerInvariant() switch
        {
            "value" => DkimDnsTextFormat.Value,
            "quoted" => DkimDnsTextFormat.Quoted,
            "escaped" => DkimDnsTextFormat.Escaped,
            "zone" => DkimDnsTextFormat.Zone,
            "json" => DkimDnsTextFormat.Json,
            _ => (DkimDnsTextFormat)(-1),
        };
        return Enum.IsDefined(format);
    }
}
