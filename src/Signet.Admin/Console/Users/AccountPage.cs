using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Store;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Users;

/// <summary>Your account, for every signed-in user: change your password (proving the current one) and manage your own
/// API tokens (create with an optional expiry, see when each was last used, revoke).</summary>
public static class AccountPage
{
    /// <summary>The longest expiry offered; a token for longer is one without expiry, chosen knowingly.</summary>
    private const int MaximumExpiryDays = 3650;

    public static void Map(RouteGroupBuilder signedIn)
    {
        signedIn.MapGet(ConsoleRoutes.Account, ShowAsync);
        signedIn.MapPost(ConsoleRoutes.Account + "/password", ChangePasswordAsync);
        signedIn.MapPost(ConsoleRoutes.Account + "/tokens", CreateTokenAsync);
        signedIn.MapPost(ConsoleRoutes.Account + "/tokens/{id:guid}/revoke", RevokeTokenAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, ISignetStore store)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var tokens = await store.ListTokensAsync(actor, context.RequestAborted);
        var password = Form(context, ConsoleRoutes.Account + "/password", Of($"""
            {TextField("current", "Current password", type: "password", autocomplete: "current-password")}
            {TextField("password", "New password", type: "password", hint: "At least 12 characters, not your user name, not a common password. Your other sessions end.", autocomplete: "new-password")}
            {TextField("confirm", "The new password again", type: "password", autocomplete: "new-password")}
            <button type="submit" class="button primary">Change the password</button>
            """), "stack");
        var create = Form(context, ConsoleRoutes.Account + "/tokens", TokenFields("mine"), "stack");
        var list = tokens.TryGetValue(out var tokenList, out var error)
            ? TokenTable(context, tokenList.Where(t => t.UserId == actor.UserId).ToList(), ConsoleRoutes.Account + "/tokens")
            : Of($"""<div class="flash bad" role="alert">The tokens cannot be listed: {error.Message}</div>""");
        return Page.Render(context, "Your account", Of($"""
            <div class="card narrow"><h2>Password</h2>{password}</div>
            <div class="card"><h2>Your API tokens</h2>
            <p class="hint">A token acts with your role and domains. It is shown once when created; Signet keeps only a hash.</p>
            {list}{create}</div>
            """), actor, "account");
    }

    /// <summary>The description and optional expiry of a new token.</summary>
    public static Markup TokenFields(string idPrefix) => Of($"""
        <label for="{idPrefix}-token-description">New API token, described as</label>
        <input id="{idPrefix}-token-description" name="description" required maxlength="200" placeholder="deploy script">
        <label for="{idPrefix}-token-days">Expires after (days; empty for never)</label>
        <input id="{idPrefix}-token-days" name="expiresInDays" type="number" min="1" max="{MaximumExpiryDays}" inputmode="numeric">
        <button type="submit" class="button secondary">Create token</button>
        """);

    /// <summary>Tokens without their secrets, each with a revoke button posting to <paramref name="revokeBase"/>/{id}/revoke.</summary>
    public static Markup TokenTable(HttpContext context, IReadOnlyList<TokenEntry> tokens, string revokeBase)
    {
        if (tokens.Count == 0)
        {
            return Of($"""<p class="hint">No API tokens.</p>""");
        }

        var rows = tokens.Select(t => Of($"""
            <tr><td><code>{t.Prefix}…</code></td><td>{t.Description}</td><td class="nowrap">{Time(t.CreatedAt)}</td>
            <td class="nowrap">{(t.LastUsedAt is { } used ? Time(used) : "never")}</td><td class="nowrap">{(t.ExpiresAt is { } expires ? Time(expires) : "never")}</td>
            <td>{ActionButton(context, $"{revokeBase}/{t.Id}/revoke", "Revoke", "danger")}</td></tr>
            """));
        return Of($"""
            <div class="table-wrap"><table><caption class="visually-hidden">API tokens</caption>
            <thead><tr><th scope="col">Token</th><th scope="col">Description</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>{rows}</tbody></table></div>
            """);
    }

    /// <summary>Reads the optional expiry: empty is none; anything but a whole number of days in range is an error.</summary>
    public static bool TryReadExpiry(IFormCollection form, DateTimeOffset now, out DateTimeOffset? expiresAt, out string error)
    {
        ArgumentNullException.ThrowIfNull(form);
        string text = form["expiresInDays"].ToString().Trim();
        expiresAt = null;
        error = string.Empty;
        if (text.Length == 0)
        {
            return true;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int days) || days is < 1 or > MaximumExpiryDays)
        {
            error = $"the expiry is a whole number of days from 1 to {MaximumExpiryDays}, or empty for a token that does not expire";
            return false;
        }

        expiresAt = now.AddDays(days);
        return true;
    }

    private static async Task<IResult> ChangePasswordAsync(HttpContext context, ISignetStore store)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string password = form["password"].ToString();
        if (password != form["confirm"].ToString())
        {
            return Flash.Redirect(context, ConsoleRoutes.Account, "The two new passwords are not the same: the password is unchanged.", isError: true);
        }

        var result = await store.ChangeOwnPasswordAsync(ConsoleRequest.RequireActor(context), form["current"].ToString(), password,
            ConsoleAuthentication.SessionId(context), context.RequestAborted);
        return result.TryGetValue(out _, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.Account, "Your password is changed; your other sessions are ended.")
            : Flash.Redirect(context, ConsoleRoutes.Account, error.Message, isError: true);
    }

    // The secret is shown on this response only, never put in a redirect, a cookie or a log.
    private static async Task<IResult> CreateTokenAsync(HttpContext context, ISignetStore store, TimeProvider time)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!TryReadExpiry(form, time.GetUtcNow(), out var expiresAt, out string invalid))
        {
            return Flash.Redirect(context, ConsoleRoutes.Account, invalid, isError: true);
        }

        var result = await store.CreateTokenAsync(actor, actor.UserId, form["description"].ToString().Trim(), expiresAt, context.RequestAborted);
        return result.TryGetValue(out var value, out var error)
            ? ShowNewToken(context, actor, value, ConsoleRoutes.Account, "Your account", "account")
            : Flash.Redirect(context, ConsoleRoutes.Account, error.Message, isError: true);
    }

    private static async Task<IResult> RevokeTokenAsync(HttpContext context, ISignetStore store, Guid id)
    {
        var result = await store.RevokeTokenAsync(ConsoleRequest.RequireActor(context), id, context.RequestAborted);
        return result.TryGetValue(out _, out var error)
            ? Flash.Redirect(context, ConsoleRoutes.Account, "The token is revoked: it no longer works.")
            : Flash.Redirect(context, ConsoleRoutes.Account, error.Message, isError: true);
    }

    /// <summary>The page that shows a new token's secret, once.</summary>
    public static IResult ShowNewToken(HttpContext context, Store.Access.Actor actor, string token, string back, string backLabel, string navKey) =>
        Page.Render(context, "New API token", Of($"""
            <div class="notice" role="note"><p><strong>Copy this token now: it is shown once.</strong> Signet keeps only a hash of it.
            Send it as <code>Authorization: Bearer …</code> to the API under <code>/api</code>.</p></div>
            {CopyBox("token-secret", "API token", token)}
            <p><a href="{back}">Back to {backLabel}</a></p>
            """), actor, navKey);
}
