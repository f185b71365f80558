using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Store;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Users;

/// <summary>Server Admin > Audit log: who did what, newest first. Repeated failed sign-ins for one name from one address
/// are one row with a count (see <see cref="SignetStore.FailedSignInAuditWindow"/>), so guessing cannot push the real
/// actions off this page.</summary>
public static class AuditPage
{
    private const int Limit = 200;

    public static void Map(RouteGroupBuilder serverAdmin) => serverAdmin.MapGet(ConsoleRoutes.ServerAudit, ShowAsync);

    private static async Task<IResult> ShowAsync(HttpContext context, IAuditStore store)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var listed = await store.ListAuditAsync(actor, Limit, context.RequestAborted);
        if (!listed.TryGetValue(out var entries, out var error))
        {
            return Page.StoreFailure(context, actor, error, "There is no audit log");
        }

        var rows = entries.Select(e => Of($"""<tr><td class="nowrap" data-label="When">{Time(e.At)}</td><td data-label="Who">{e.Actor}</td><td data-label="Action">{e.Action}</td><td data-label="On">{e.Target}</td><td data-label="Detail">{e.Detail}{(e.Count > 1 ? $" ({e.Count} times)" : string.Empty)}</td></tr>"""));
        return Page.Render(context, "Audit log", Of($"""
            <p class="lead">The last {Limit} actions, newest first. Secrets are never recorded.</p>
            <div class="table-wrap"><table class="reflow"><caption class="visually-hidden">Audit log</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">On</th><th scope="col">Detail</th></tr></thead>
            <tbody>{rows}</tbody></table></div>
            """), actor, "server-audit");
    }
}
