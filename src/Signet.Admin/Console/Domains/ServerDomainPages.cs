using Signet.Admin.Console.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Store;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Domains;

/// <summary>Server Admin > Domains: the protected domains, added and removed here.</summary>
public static class ServerDomainPages
{
    public static void Map(RouteGroupBuilder serverAdmin)
    {
        serverAdmin.MapGet(ConsoleRoutes.ServerDomains, ListAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerDomains + "/add", AddAsync);
        serverAdmin.MapGet(ConsoleRoutes.ServerDomains + "/{domain}/remove", ConfirmRemoveAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerDomains + "/{domain}/remove", RemoveAsync);
    }

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
            <td data-label="Added">{Time(d.CreatedAt)}</td>
            <td>{LinkButton($"{ConsoleRoutes.ServerDomains}/{Uri.EscapeDataString(d.Name)}/remove", "Remove…", "danger")}</td></tr>
            """));
        var table = domains.Count == 0
            ? Of($"<p>No domain yet. Add the domains this server sends mail for.</p>")
            : Of($"""<div class="table-wrap"><table class="reflow"><caption class="visually-hidden">Protected domains</caption><thead><tr><th scope="col">Domain</th><th scope="col">Signing</th><th scope="col">Added</th><th scope="col">Remove</th></tr></thead><tbody>{rows}</tbody></table></div>""");
        var add = Form(context, ConsoleRoutes.ServerDomains + "/add", Of($"""
            {TextField("domain", "Domain name", hint: "As in example.com; international names are stored as A-labels.")}
            <button type="submit" class="button primary">Add the domain</button>
            """), "stack");
        return Page.Render(context, "Domains", Of($"""
            <div class="card"><h2>Add a domain</h2>{add}</div>
            <section aria-labelledby="domains-heading"><h2 id="domains-heading">Protected domains</h2>{table}</section>
            <p class="hint">Assign domains to domain admins under <a href="{ConsoleRoutes.ServerUsers}">Users</a>.</p>
            """), actor, "server-domains");
    }

    private static async Task<IResult> AddAsync(HttpContext context, ISignetStore store)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var result = await store.AddDomainAsync(ConsoleRequest.RequireActor(context), form["domain"].ToString(), context.RequestAborted);
        return result.TryGetValue(out var value, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.ServerDomains, $"{value.Name} is protected. Give it a key on its DKIM page.")
            : Flash.Redirect(context, ConsoleRoutes.ServerDomains, error.Message, isError: true);
    }

    // Removing a domain deletes its keys with it: the page says how many, and the tick box that agrees is required.
    private static async Task<IResult> ConfirmRemoveAsync(HttpContext context, ISignetStore store, string domain)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var found = await store.GetDomainAsync(actor, domain, context.RequestAborted);
        if (!found.TryGetValue(out var entry, out var error))
        {
            return Page.StoreFailure(context, actor, error, "There is no such domain");
        }

        string name = entry.Name;
        var listedKeys = await store.ListKeysAsync(actor, KeyOwner.ForDomain(name), context.RequestAborted);
        if (!listedKeys.TryGetValue(out var keys, out var listedKeysError))
        {
            return Page.StoreFailure(context, actor, listedKeysError, "There is no such domain");
        }

        string count = keys.Count switch { 0 => "no keys", 1 => "1 key", _ => $"{keys.Count} keys" };
        var agree = Of($"""
            <div class="check-row"><input type="checkbox" id="confirm-keys" name="confirm" value="yes" required aria-describedby="confirm-keys-hint">
            <label for="confirm-keys">Delete its keys too ({count}) <span class="required">(required)</span></label>
            <span class="hint" id="confirm-keys-hint">Required: a domain is removed with its keys; their private keys are destroyed.</span></div>
            """);
        return ConfirmationPage.Render(context, actor, $"Remove {name}?", Of($"""
            <p>Signet stops signing mail from {name} and forgets it: its {count}, its settings and the admins' access to it.
            Mail from {name} is then signed with the server-wide key only, if that is on. Remove its DKIM records from DNS afterwards.</p>
            """), $"{ConsoleRoutes.ServerDomains}/{Uri.EscapeDataString(name)}/remove", $"Yes, remove {name}", ConsoleRoutes.ServerDomains, "server-domains", agree);
    }

    private static async Task<IResult> RemoveAsync(HttpContext context, ISignetStore store, string domain)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["confirm"] != "yes")
        {
            return Flash.Redirect(context, ConsoleRoutes.ServerDomains, "tick the box to confirm that the domain's keys are deleted too", isError: true);
        }

        var result = await store.RemoveDomainAsync(ConsoleRequest.RequireActor(context), domain, context.RequestAborted);
        return result.TryGetValue(out _, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.ServerDomains, $"{domain} and its keys are removed.")
            : Flash.Redirect(context, ConsoleRoutes.ServerDomains, error.Message, isError: true);
    }
}
