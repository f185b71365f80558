using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Store;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Users;

/// <summary>Server Admin > Users: domain admins and server admins, the domains each manages, their API tokens, and a
/// new password for anyone who lost theirs (which ends that user's sessions).</summary>
public static class UserPages
{
    public static void Map(RouteGroupBuilder serverAdmin)
    {
        serverAdmin.MapGet(ConsoleRoutes.ServerUsers, ListAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerUsers + "/add", AddAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerUsers + "/{id:guid}/domains", SetDomainsAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerUsers + "/{id:guid}/remove", RemoveAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerUsers + "/{id:guid}/tokens", CreateTokenAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerUsers + "/{id:guid}/password", ResetPasswordAsync);
        serverAdmin.MapPost(ConsoleRoutes.ServerUsers + "/tokens/{id:guid}/revoke", RevokeTokenAsync);
    }

    private static async Task<IResult> ListAsync(HttpContext context, ISignetStore store)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var listedUsers = await store.ListUsersAsync(actor, context.RequestAborted);
        var listedDomains = await store.ListDomainsAsync(actor, context.RequestAborted);
        var listedTokens = await store.ListTokensAsync(actor, context.RequestAborted);
        if (!listedUsers.TryGetValue(out var users, out var failure)
            || !listedDomains.TryGetValue(out var assignable, out failure)
            || !listedTokens.TryGetValue(out var tokens, out failure))
        {
            return Page.StoreFailure(context, actor, failure, "There are no users");
        }

        var domains = assignable.Select(d => d.Name).ToList();
        var add = Form(context, ConsoleRoutes.ServerUsers + "/add", Of($"""
            {TextField("name", "User name", autocomplete: "off")}
            {TextField("password", "Initial password", type: "password", hint: "At least 12 characters; give it to the person over a safe channel.", autocomplete: "new-password")}
            <fieldset><legend>Role</legend>
            <div class="check-row"><input type="radio" id="role-domain" name="role" value="domain" checked><label for="role-domain">Domain admin: manages the domains below</label></div>
            <div class="check-row"><input type="radio" id="role-server" name="role" value="server"><label for="role-server">Server admin: manages everything</label></div>
            </fieldset>
            {DomainChoices("new", domains, [])}
            <button type="submit" class="button primary">Create the user</button>
            """), "stack");
        var cards = users.Select(u => UserCard(context, u, domains, actor.UserId, tokens.Where(t => t.UserId == u.Id).ToList()));
        return Page.Render(context, "Users", Of($"""
            <div class="card"><h2>Create a user</h2>{add}</div>
            <section aria-labelledby="users-heading"><h2 id="users-heading">Users</h2>{cards}</section>
            """), actor, "server-users");
    }

    private static Markup DomainChoices(string idPrefix, IReadOnlyList<string> domains, IReadOnlyList<string> chosen)
    {
        if (domains.Count == 0)
        {
            return Of($"""<p class="hint">No domains yet: add them under <a href="{ConsoleRoutes.ServerDomains}">Domains</a>.</p>""");
        }

        var boxes = domains.Select(d => Of($"""
            <div class="check-row"><input type="checkbox" id="{idPrefix}-d-{d}" name="domains" value="{d}"{(chosen.Contains(d, StringComparer.OrdinalIgnoreCase) ? Of($" checked") : Markup.Empty)}><label for="{idPrefix}-d-{d}">{d}</label></div>
            """));
        return Of($"""<fieldset><legend>Domains</legend>{boxes}</fieldset>""");
    }

    private static Markup UserCard(HttpContext context, UserEntry user, IReadOnlyList<string> domains, Guid self, IReadOnlyList<TokenEntry> tokens)
    {
        string action = $"{ConsoleRoutes.ServerUsers}/{user.Id}";
        bool isDomainAdmin = user.Role == UserRole.DomainAdmin;
        var assign = isDomainAdmin
            ? Form(context, action + "/domains", Of($"""{DomainChoices(user.Id.ToString("N"), domains, user.Domains)}<button type="submit" class="button secondary">Save domains</button>"""), "stack")
            : Of($"""<p class="hint">A server admin manages every domain.</p>""");
        var token = Form(context, action + "/tokens", AccountPage.TokenFields(user.Id.ToString("N")), "inline");
        var password = Form(context, action + "/password", Of($"""
            <label for="password-{user.Id:N}">New password for {user.Name}</label>
            <input id="password-{user.Id:N}" name="password" type="password" required minlength="12" autocomplete="new-password">
            <button type="submit" class="button secondary">Set password</button>
            """), "inline");
        var remove = user.Id == self ? Markup.Empty : ActionButton(context, action + "/remove", "Remove user", "danger");
        string role = isDomainAdmin ? "Domain admin" : "Server admin";
        string list = user.Domains.Count == 0 ? (isDomainAdmin ? "no domains yet" : "all domains") : string.Join(", ", user.Domains);
        return Of($"""
            <article class="card user" id="user-{user.Name}" aria-label="{user.Name}">
            <header class="key-head"><h3>{user.Name}</h3>{Badge(isDomainAdmin ? "neutral" : "ok", role)}</header>
            <p class="meta">{list} · since {Time(user.CreatedAt)}</p>
            {assign}
            {AccountPage.TokenTable(context, tokens, ConsoleRoutes.ServerUsers + "/tokens")}
            <div class="actions">{token}{password}{remove}</div>
            </article>
            """);
    }

    private static async Task<IResult> AddAsync(HttpContext context, ISignetStore store)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var role = form["role"] == "server" ? UserRole.ServerAdmin : UserRole.DomainAdmin;
        var domains = role == UserRole.DomainAdmin ? form["domains"].Where(d => !string.IsNullOrEmpty(d)).Select(d => d!).ToList() : [];
        var result = await store.AddUserAsync(ConsoleRequest.RequireActor(context), form["name"].ToString(), role, form["password"].ToString(), domains, context.RequestAborted);
        return result.TryGetValue(out var value, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.ServerUsers, $"{value.Name} can sign in now.")
            : Flash.Redirect(context, ConsoleRoutes.ServerUsers, error.Message, isError: true);
    }

    private static async Task<IResult> SetDomainsAsync(HttpContext context, ISignetStore store, Guid id)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var domains = form["domains"].Where(d => !string.IsNullOrEmpty(d)).Select(d => d!).ToList();
        var result = await store.SetUserDomainsAsync(ConsoleRequest.RequireActor(context), id, domains, context.RequestAborted);
        return result.TryGetValue(out var value, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.ServerUsers, $"{value.Name} manages {(domains.Count == 0 ? "no domain" : string.Join(", ", value.Domains))}.")
            : Flash.Redirect(context, ConsoleRoutes.ServerUsers, error.Message, isError: true);
    }

    private static async Task<IResult> RemoveAsync(HttpContext context, ISignetStore store, Guid id)
    {
        var result = await store.RemoveUserAsync(ConsoleRequest.RequireActor(context), id, context.RequestAborted);
        return result.TryGetValue(out _, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.ServerUsers, "the user is removed; their sessions and tokens no longer work.")
            : Flash.Redirect(context, ConsoleRoutes.ServerUsers, error.Message, isError: true);
    }

    // The secret is shown on this response only, never put in a redirect, a cookie or a log.
    private static async Task<IResult> CreateTokenAsync(HttpContext context, ISignetStore store, TimeProvider time, Guid id)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!AccountPage.TryReadExpiry(form, time.GetUtcNow(), out var expiresAt, out string invalid))
        {
            return Flash.Redirect(context, ConsoleRoutes.ServerUsers, invalid, isError: true);
        }

        var result = await store.CreateTokenAsync(actor, id, form["description"].ToString().Trim(), expiresAt, context.RequestAborted);
        return result.TryGetValue(out var value, out var error)
            ? AccountPage.ShowNewToken(context, actor, value, ConsoleRoutes.ServerUsers, "Users", "server-users")
            : Flash.Redirect(context, ConsoleRoutes.ServerUsers, error.Message, isError: true);
    }

    private static async Task<IResult> ResetPasswordAsync(HttpContext context, ISignetStore store, Guid id)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var result = await store.ResetPasswordAsync(ConsoleRequest.RequireActor(context), id, form["password"].ToString(),
            ConsoleAuthentication.SessionId(context), context.RequestAborted);
        return result.TryGetValue(out _, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.ServerUsers, "The password is set; that user's sessions are ended. Give them the new password over a safe channel.")
            : Flash.Redirect(context, ConsoleRoutes.ServerUsers, error.Message, isError: true);
    }

    private static async Task<IResult> RevokeTokenAsync(HttpContext context, ISignetStore store, Guid id)
    {
        var result = await store.RevokeTokenAsync(ConsoleRequest.RequireActor(context), id, context.RequestAborted);
        return result.TryGetValue(out _, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.ServerUsers, "The token is revoked: it no longer works.")
            : Flash.Redirect(context, ConsoleRoutes.ServerUsers, error.Message, isError: true);
    }
}
