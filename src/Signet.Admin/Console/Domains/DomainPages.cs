using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Keys;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Policy;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Domains;

/// <summary>Domain Admin > Domains and Domains > {domain} > DKIM: the domains an admin manages, and for each its
/// signing switch, subdomain choice, alignment and keys. Another domain's page answers 404, as the store does.</summary>
public static class DomainPages
{
    public static void Map(RouteGroupBuilder signedIn)
    {
        signedIn.MapGet(ConsoleRoutes.Domains, ListAsync);
        signedIn.MapGet("/domains/{domain}/dkim", ShowAsync);
        signedIn.MapPost("/domains/{domain}/dkim/settings", SaveSettingsAsync);
        DnsRecordsPage.Map(signedIn);
        AutomaticRotationActions.Map(signedIn);
        KeyActions.Map(signedIn, "/domains/{domain}/dkim",
            c => KeyOwner.ForDomain(RouteDomain(c)), c => ConsoleRoutes.DomainDkim(RouteDomain(c)));
    }

    private static string RouteDomain(HttpContext context) =>
        DomainNames.TryNormalize(context.Request.RouteValues["domain"]?.ToString() ?? string.Empty, out string domain, out _) ? domain : "invalid.";

    private static async Task<IResult> ListAsync(HttpContext context, IDomainStore store)
    {
        var actor = ConsoleRequest.RequireActor(context);
        // The domains with their keys in one read: one query per domain for its status would grow with the list.
        var listed = await store.ListDomainsWithKeysAsync(actor, context.RequestAborted);
        if (!listed.TryGetValue(out var withKeys, out var error))
        {
            return Page.StoreFailure(context, actor, error, "There are no domains");
        }

        var domains = withKeys.Select(d => d.Domain).ToList();
        var statuses = withKeys.ToDictionary(d => d.Domain.Name, d => SigningBadge.For(d.Status));

        var rows = domains.Select(d => Of($"""
            <tr><th scope="row"><a href="{ConsoleRoutes.DomainDkim(d.Name)}">{d.Name}</a></th>
            <td data-label="Signing">{statuses[d.Name]}</td>
            <td><a href="{ConsoleRoutes.DomainDkim(d.Name)}">DKIM keys</a> · <a href="{DnsRecordsPage.PathFor(d.Name)}">DNS records</a></td></tr>
            """));
        var content = domains.Count == 0
            ? Of($"<p>No domain is assigned to you yet. Ask a server admin to assign one.</p>")
            : Of($"""<div class="table-wrap"><table class="reflow"><caption class="visually-hidden">Your domains</caption><thead><tr><th scope="col">Domain</th><th scope="col">Signing</th><th scope="col">Keys</th></tr></thead><tbody>{rows}</tbody></table></div>""");
        return Page.Render(context, "My domains", content, actor, "domains");
    }

    private static async Task<IResult> ShowAsync(HttpContext context, ISignetStore store)
    {
        var actor = ConsoleRequest.RequireActor(context);
        string name = RouteDomain(context);
        var found = await store.GetDomainAsync(actor, name, context.RequestAborted);
        if (!found.TryGetValue(out var domain, out var error))
        {
            return Page.StoreFailure(context, actor, error, "There is no such domain, or it is not one of yours");
        }

        string page = ConsoleRoutes.DomainDkim(domain.Name);
        var snapshot = await store.GetPolicySnapshotAsync(context.RequestAborted);
        var keys = await KeyPanel.RenderAsync(context, store, actor, KeyOwner.ForDomain(domain.Name), page);
        var status = await SigningStatus.OfDomainAsync(store, actor, domain, context.RequestAborted);
        var rotation = await AutomaticRotationPanel.RenderAsync(context, store, actor, domain.Name);
        var content = Of($"""
            <p class="lead">Keys for mail from @{domain.Name}: signatures with d={domain.Name} are aligned with the From domain, so DMARC passes on them.</p>
            <section class="two">
            {SettingsCard(context, domain, page, status)}
            {AlignmentPanel.Render(snapshot, domain)}
            </section>
            {rotation}
            {keys}
            """);
        var breadcrumb = actor.Role == UserRole.ServerAdmin ? ConsoleRoutes.ServerDomains : ConsoleRoutes.Domains;
        return Page.Render(context, $"{domain.Name}: DKIM", Of($"""<p class="crumbs"><a href="{breadcrumb}">Domains</a> › {domain.Name} › DKIM</p>{DomainTabs.Render(domain.Name, "dkim")}{content}"""),
            actor, actor.Role == UserRole.ServerAdmin ? "server-domains" : "domains");
    }

    private static Markup SettingsCard(HttpContext context, DomainEntry domain, string page, SigningStatus status)
    {
        bool parent = domain.Subdomains == SubdomainSigning.UseParentKeys;
        var fields = Of($"""
            <div class="check-row"><input type="checkbox" id="field-signing" name="signing" value="true"{(domain.SigningEnabled ? Of($" checked") : Markup.Empty)}>
            <label for="field-signing">Sign mail from {domain.Name}</label></div>
            <fieldset><legend>Mail from subdomains (such as news.{domain.Name})</legend>
            <div class="check-row"><input type="radio" id="sub-parent" name="subdomains" value="parent"{(parent ? Of($" checked") : Markup.Empty)}>
            <label for="sub-parent">Sign with these keys (d={domain.Name}, relaxed-aligned)</label></div>
            <div class="check-row"><input type="radio" id="sub-own" name="subdomains" value="own"{(!parent ? Of($" checked") : Markup.Empty)}>
            <label for="sub-own">Do not sign: each subdomain needs its own entry and keys</label></div>
            </fieldset>
            <button type="submit" class="button secondary">Save</button>
            """);
        var state = SigningBadge.For(status);
        return Of($"""<div class="card"><h2>Signing</h2><p>{state}</p>{Form(context, page + "/settings", fields, "stack")}</div>""");
    }

    private static async Task<IResult> SaveSettingsAsync(HttpContext context, ISignetStore store)
    {
        var actor = ConsoleRequest.RequireActor(context);
        string name = RouteDomain(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var subdomains = form["subdomains"] == "own" ? SubdomainSigning.RequireOwnKeys : SubdomainSigning.UseParentKeys;
        var result = await store.UpdateDomainAsync(actor, name, form["signing"] == "true", subdomains, context.RequestAborted);
        if (!result.TryGetValue(out var saved, out var error))
        {
            return error.Kind == StoreErrorKind.NotFound
                ? Page.NotFound(context, actor, "There is no such domain, or it is not one of yours")
                : Flash.Redirect(context, ConsoleRoutes.DomainDkim(name), error.Message, isError: true);
        }

        return Flash.Redirect(context, ConsoleRoutes.DomainDkim(name), saved.SigningEnabled ? $"signing is on for {name}." : $"signing is off for {name}.");
    }
}
