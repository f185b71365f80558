using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Store;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Publishers;

/// <summary>Server Admin > DNS publishers: the RFC 2136 servers Signet writes key records to, added and removed
/// here. The TSIG secret goes in once, through a password field, and is never shown again: not in the list, not in a
/// message, not back in the form after a refusal (the store seals it under the master key).</summary>
public static class PublisherPages
{
    public static void Map(RouteGroupBuilder serverAdmin)
    {
        serverAdmin.MapGet(ConsoleRoutes.ServerPublishers, ListAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerPublishers + "/add", AddAsync);
        serverAdmin.MapGet(ConsoleRoutes.ServerPublishers + "/{name}/remove", ConfirmRemoveAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerPublishers + "/{name}/remove", RemoveAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IPublisherStore store)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var listed = await store.ListPublishersAsync(actor, context.RequestAborted);
        if (!listed.TryGetValue(out var publishers, out var error))
        {
            return Page.StoreFailure(context, actor, error, "There are no publishers");
        }

        var rows = publishers.Select(p => Of($"""
            <tr><th scope="row">{p.Name}</th>
            <td data-label="Zone">{p.Zone}</td>
            <td data-label="Primary server" class="mono">{p.Primary}</td>
            <td data-label="TSIG key name" class="mono">{p.KeyName}</td>
            <td data-label="Added">{Time(p.CreatedAt)}</td>
            <td>{LinkButton(ConsoleRoutes.ServerPublisher(p.Name) + "/remove", "Remove…", "danger")}</td></tr>
            """));
        var table = publishers.Count == 0
            ? Of($"<p>No publisher yet: every domain's records are published by hand.</p>")
            : Of($"""<div class="table-wrap"><table class="reflow"><caption class="visually-hidden">DNS publishers</caption><thead><tr><th scope="col">Name</th><th scope="col">Zone</th><th scope="col">Primary server</th><th scope="col">TSIG key name</th><th scope="col">Added</th><th scope="col">Remove</th></tr></thead><tbody>{rows}</tbody></table></div>""");
        var add = Form(context, ConsoleRoutes.ServerPublishers + "/add", Of($"""
            {TextField("name", "Name", hint: "How domains choose it, as knot or bind-primary: letters, digits, '-', '_' and '.'.", id: "publisher-name")}
            {TextField("primary", "Primary server", hint: "The zone's primary, which accepts DNS UPDATE: an address with an optional port, as 192.0.2.53 or [2001:db8::53]:53.", id: "publisher-primary")}
            {TextField("zone", "Zone", hint: "The zone it updates, as example.com: it must hold SELECTOR._domainkey of the domains that choose it.", id: "publisher-zone")}
            {TextField("keyName", "TSIG key name", hint: "The name of the key in the server's configuration (hmac-sha256, RFC 8945).", id: "publisher-key-name")}
            {TextField("secret", "TSIG secret (base64)", type: "password", autocomplete: "off", hint: "As the server's configuration holds it. It is encrypted at rest and never shown again.", id: "publisher-secret")}
            <button type="submit" class="button primary">Add the publisher</button>
            """), "stack");
        return Page.Render(context, "DNS publishers", Of($"""
            <p class="lead">With a publisher, Signet writes each domain's key records itself (DNS UPDATE, RFC 2136, signed with TSIG)
            and can rotate its keys with nobody touching DNS. Each domain chooses its publisher on its DKIM page.</p>
            <div class="card"><h2>Add a publisher</h2>{add}</div>
            <section aria-labelledby="publishers-heading"><h2 id="publishers-heading">Publishers</h2>{table}</section>
            """), actor, "server-publishers");
    }

    private static async Task<IResult> AddAsync(HttpContext context, IPublisherStore store)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var request = new PublisherRequest(form["name"].ToString(), form["primary"].ToString(), form["zone"].ToString(), form["keyName"].ToString(),
            form["secret"].ToString());
        var result = await store.AddPublisherAsync(ConsoleRequest.RequireActor(context), request, context.RequestAborted);
        if (result.TryGetValue(out var p, out var error))
        {
            return Flash.Redirect(context, ConsoleRoutes.ServerPublishers,
                $"{p.Name} is added: domains in {p.Zone} can choose it on their DKIM page. Allow the key {p.KeyName} to update {p.Zone} on {p.Primary}.");
        }

        // The store's reasons name the field, never the secret's value; the form comes back empty.
        return Flash.Redirect(context, ConsoleRoutes.ServerPublishers, "the publisher was not added: " + error.Message, isError: true);
    }

    // Removing a publisher forgets its TSIG secret; a publisher a domain still uses is refused by the store, with the domains.
    private static async Task<IResult> ConfirmRemoveAsync(HttpContext context, IPublisherStore store, string name)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var listed = await store.ListPublishersAsync(actor, context.RequestAborted);
        if (!listed.TryGetValue(out var items, out var error))
        {
            return Page.StoreFailure(context, actor, error, "There is no such publisher");
        }

        if (items.FirstOrDefault(p => p.Name == name) is not { } publisher)
        {
            return Page.NotFound(context, actor, "There is no such publisher");
        }

        return ConfirmationPage.Render(context, actor, $"Remove the publisher {publisher.Name}?", Of($"""
            <p>Signet forgets {publisher.Name} and its TSIG secret: it no longer writes records to {publisher.Primary} for the zone
            {publisher.Zone}. A publisher that a domain still uses is not removed: choose another one for that domain first.
            The records already published stay in DNS.</p>
            """), ConsoleRoutes.ServerPublisher(publisher.Name) + "/remove", $"Yes, remove {publisher.Name}", ConsoleRoutes.ServerPublishers, "server-publishers");
    }

    private static async Task<IResult> RemoveAsync(HttpContext context, IPublisherStore store, string name)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["confirmed"] != "yes")
        {
            return Results.Redirect(ConsoleRoutes.ServerPublisher(name) + "/remove");
        }

        var result = await store.RemovePublisherAsync(ConsoleRequest.RequireActor(context), name, context.RequestAborted);
        return result.TryGetValue(out _, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.ServerPublishers, $"{name} is removed, with its TSIG secret.")
            : Flash.Redirect(context, ConsoleRoutes.ServerPublishers, "the publisher was not removed: " + error.Message, isError: true);
    }
}
