using Microsoft.AspNetCore.Http;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Store;
using Signet.Store.Model;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Keys;

/// <summary>The key steps that cannot be taken back, and the page that asks before each: revoking (receivers then
/// fail its signatures), deleting (the private key is destroyed) and activating without a matching DNS record. The
/// page is the GET of the action's own address; the POST refuses these steps without <c>confirmed=yes</c>.</summary>
public static class KeyConfirmations
{
    /// <summary>Whether the posted step must be confirmed first.</summary>
    public static bool Required(string action, IFormCollection form) =>
        action is "revoke" or "delete" || (action == "activate" && form["force"] == "true");

    public static bool Given(IFormCollection form) => form["confirmed"] == "yes";

    public static async Task<IResult> ShowAsync(HttpContext context, IKeyStore store, KeyOwner owner, string page, Guid id, string action)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var found = await store.GetKeyAsync(actor, id, context.RequestAborted);
        if (!found.TryGetValue(out var key, out _) || !KeyActions.BelongsTo(key, owner))
        {
            return Page.NotFound(context, actor, "There is no such key");
        }

        string post = $"{page}/keys/{key.Id}/{action}";
        string current = owner.Scope == KeyScope.Server ? "server-dkim" : actor.Role == UserRole.ServerAdmin ? "server-domains" : "domains";
        return action switch
        {
            "revoke" => ConfirmationPage.Render(context, actor, $"Revoke {key.Selector}?", Of($"""
                <p>Signet stops offering {key.Selector}, and its record <code>{key.RecordName}</code> must become
                <code>{KeyRecords.RevokedValue}</code>. From then on receivers fail every signature made with it, also on mail
                still in flight or stored in mailboxes. Revoke a week or so after it stopped signing. This cannot be undone.</p>
                """), post, $"Yes, revoke {key.Selector}", page, current),
            "delete" => ConfirmationPage.Render(context, actor, $"Delete {key.Selector}?", Of($"""
                <p>The private key of {key.Selector} is destroyed: Signet can never sign with it again. This cannot be undone.
                {(key.State == KeyState.Pending ? "Nothing has been signed with it yet." : $"Remove its record {key.RecordName} from DNS afterwards.")}</p>
                """), post, $"Yes, delete {key.Selector}", page, current),
            "activate" => ConfirmationPage.Render(context, actor, $"Activate {key.Selector} without a matching DNS record?", Of($"""
                <p>The last DNS check says: {key.LastDnsCheck?.Summary ?? "not checked yet"}.</p>
                <p>Until <code>{key.RecordName}</code> holds this key, receivers fail every signature Signet makes with it
                (DKIM fail), and DMARC fails for mail that had no other pass. Activate anyway only when you know the record is
                right and the check is wrong (a split-horizon DNS, for example).</p>
                """), post, "Yes, activate anyway", page, current, Of($"""<input type="hidden" name="force" value="true">""")),
            _ => Page.NotFound(context, actor, "There is no such step"),
        };
    }
}
