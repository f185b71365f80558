using Signet.Store.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Keys;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Store;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.ServerKey;

/// <summary>Server Admin > DKIM: the server-wide key (d= the host name), its record, and the switch for server-wide signing.</summary>
public static class ServerKeyPages
{
    public static void Map(RouteGroupBuilder serverAdmin)
    {
        serverAdmin.MapGet(ConsoleRoutes.ServerDkim, ShowAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerDkim + "/host", SetHostAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerDkim + "/signing", SetSigningAsync);
        KeyActions.Map(serverAdmin, ConsoleRoutes.ServerDkim, _ => KeyOwner.Server, _ => ConsoleRoutes.ServerDkim);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, ISignetStore store)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var settings = await store.GetServerSettingsAsync(actor, context.RequestAborted);
        if (!settings.TryGetValue(out var server, out var error))
        {
            return Page.Forbidden(context, actor, error.Message);
        }

        var hostForm = Of($"""
            {TextField("hostName", "Host name", server.HostName, hint: "The d= of server-wide signatures; records go under _domainkey." + server.HostName)}
            <button type="submit" class="button secondary">Save the host name</button>
            """);
        var signingState = SigningBadge.For(await SigningStatus.OfServerAsync(store, actor, context.RequestAborted));
        var signingForm = Form(context, ConsoleRoutes.ServerDkim + "/signing", Of($"""
            <input type="hidden" name="enabled" value="{(server.ServerSigningEnabled ? "false" : "true")}">
            <button type="submit" class="button {(server.ServerSigningEnabled ? "secondary" : "primary")}">{(server.ServerSigningEnabled ? "Turn server-wide signing off" : "Turn server-wide signing on")}</button>
            """));
        var keys = await KeyPanel.RenderAsync(context, store, actor, KeyOwner.Server, ConsoleRoutes.ServerDkim);
        var content = Of($"""
            <div class="notice" role="note">
            <p><strong>Server-wide signatures are not aligned with the From domain.</strong> They carry d={server.HostName}, so they
            say which server sent the mail, but DMARC does not pass on them. Domain keys are the preferred way: add each domain you
            send for under <a href="{ConsoleRoutes.ServerDomains}">Domains</a> and give it its own key.</p>
            </div>
            <section class="two">
            <div class="card"><h2>Host name</h2>{Form(context, ConsoleRoutes.ServerDkim + "/host", hostForm, "stack")}</div>
            <div class="card"><h2>Server-wide signing</h2><p>{signingState}</p>
            <p class="hint">When on, mail from domains without an active key of their own is signed with the active server-wide key.</p>
            {signingForm}</div>
            </section>
            {keys}
            """);
        return Page.Render(context, "Server DKIM", content, actor, "server-dkim");
    }

    private static async Task<IResult> SetHostAsync(HttpContext context, ISignetStore store)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var result = await store.UpdateServerSettingsAsync(ConsoleRequest.RequireActor(context), form["hostName"].ToString().Trim(), null, context.RequestAborted);
        return result.TryGetValue(out var value, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.ServerDkim, $"the host name is {value.HostName}.")
            : Flash.Redirect(context, ConsoleRoutes.ServerDkim, error.Message, isError: true);
    }

    private static async Task<IResult> SetSigningAsync(HttpContext context, ISignetStore store)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        bool enabled = form["enabled"] == "true";
        var result = await store.UpdateServerSettingsAsync(ConsoleRequest.RequireActor(context), null, enabled, context.RequestAborted);
        return result.TryGetValue(out _, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.ServerDkim, enabled ? "server-wide signing is on." : "server-wide signing is off.")
            : Flash.Redirect(context, ConsoleRoutes.ServerDkim, error.Message, isError: true);
    }
}
