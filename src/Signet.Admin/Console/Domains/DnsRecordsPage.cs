using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Keys;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Dkim.Lookup;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Domains;

/// <summary>Domains > {domain} > DNS records: every record the domain needs for its mail to be delivered: its DKIM
/// records with what to do about each, and the SPF and DMARC records DNS holds now (looked up live through the
/// server's resolver), with a DMARC record to start from. Another domain's page answers 404, as the store does.</summary>
public static class DnsRecordsPage
{
    public static string PathFor(string domain) => $"/domains/{Uri.EscapeDataString(domain)}/dns";

    public static void Map(RouteGroupBuilder signedIn) => signedIn.MapGet("/domains/{domain}/dns", ShowAsync);

    private static async Task<IResult> ShowAsync(HttpContext context, ISignetStore store, ITxtRecordSource dns, string domain)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var found = await store.GetDomainAsync(actor, domain, context.RequestAborted);
        if (!found.TryGetValue(out var entry, out var error))
        {
            return Page.StoreFailure(context, actor, error, "There is no such domain, or it is not one of yours");
        }

        string name = entry.Name;
        var listedKeys = await store.ListKeysAsync(actor, KeyOwner.ForDomain(name), context.RequestAborted);
        if (!listedKeys.TryGetValue(out var keys, out var listedKeysError))
        {
            return Page.StoreFailure(context, actor, listedKeysError, "There is no such domain, or it is not one of yours");
        }

        // Both lookups at once: a slow resolver costs one timeout, not two.
        var spfLookup = PolicyRecordLookup.LookUpAsync(dns, name, "v=spf1", context.RequestAborted);
        var dmarcLookup = PolicyRecordLookup.LookUpAsync(dns, "_dmarc." + name, "v=DMARC1", context.RequestAborted);
        var spf = await spfLookup;
        var dmarc = await dmarcLookup;
        string address = context.Request.Query["rua"].ToString().Trim();
        var breadcrumb = actor.Role == UserRole.ServerAdmin ? ConsoleRoutes.ServerDomains : ConsoleRoutes.Domains;
        var content = Of($"""
            <p class="crumbs"><a href="{breadcrumb}">Domains</a> › {name} › DNS records</p>
            {DomainTabs.Render(name, "dns")}
            <p class="lead">Every DNS record {name} needs, and what to do about each. DKIM alone does not get mail delivered:
            receivers also check SPF, and DMARC ties both to the From domain.</p>
            {DkimSection(name, keys)}
            {PolicyRecordCard.Spf(name, spf)}
            {PolicyRecordCard.Dmarc(name, dmarc, PathFor(name), address)}
            """);
        return Page.Render(context, $"{name}: DNS records", content, actor, actor.Role == UserRole.ServerAdmin ? "server-domains" : "domains");
    }

    private static Markup DkimSection(string domain, IReadOnlyList<KeyEntry> keys)
    {
        var cards = keys.Count == 0
            ? Of($"""<p>No DKIM key yet: generate one on the <a href="{ConsoleRoutes.DomainDkim(domain)}">DKIM</a> tab.</p>""")
            : Join(keys.Select(DkimCard));
        return Of($"""
            <section aria-labelledby="dkim-records-heading">
            <h2 id="dkim-records-heading">DKIM records</h2>
            <p class="hint">One TXT record per key, under its selector. Receivers use it to check Signet's signatures (RFC 6376).</p>
            {cards}
            </section>
            """);
    }

    private static Markup DkimCard(KeyEntry key)
    {
        var (action, kind, why) = DkimRecordAdvice.For(key.State);
        string id = "dns-" + key.Selector;
        return Of($"""
            <article class="card dns-record" id="{id}" aria-labelledby="{id}-title">
            <header class="key-head"><h3 id="{id}-title">{key.RecordName}</h3>{Badge(kind, action)}</header>
            <p>{KeyStatus.State(key.State)} {why}</p>
            {CopyBox(id + "-value", "TXT value", KeyRecords.ValueFor(key), Math.Clamp(KeyRecords.ValueFor(key).Length / 96 + 1, 1, 8))}
            </article>
            """);
    }
}
