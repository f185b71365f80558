using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Signet.Admin.Console.Rendering;
using Signet.Admin.Console.Security;
using Signet.Dkim;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Admin.Console.Keys;

/// <summary>The POST actions of the key workflow, mapped once under the server-wide key's page and once under each
/// domain's page. Each does one store operation and goes back to the page with its outcome.</summary>
public static class KeyActions
{
    /// <summary>Maps the actions under <paramref name="prefix"/>; <paramref name="ownerOf"/> reads whose keys they are
    /// from the route, <paramref name="pageOf"/> is the page to go back to.</summary>
    public static void Map(RouteGroupBuilder group, string prefix, Func<HttpContext, KeyOwner> ownerOf, Func<HttpContext, string> pageOf)
    {
        group.MapPost(prefix + "/generate", (HttpContext c, IKeyStore s) => GenerateAsync(c, s, ownerOf(c), pageOf(c)));
        group.MapPost(prefix + "/import", (HttpContext c, IKeyStore s) => ImportAsync(c, s, ownerOf(c), pageOf(c)));
        group.MapPost(prefix + "/rotations/advance", (HttpContext c, IKeyStore s) => AdvanceAsync(c, s, pageOf(c)));
        group.MapPost(prefix + "/keys/{id:guid}/{action}", (HttpContext c, IKeyStore s, Guid id, string action) =>
            KeyActionAsync(c, s, ownerOf(c), pageOf(c), id, action));
        group.MapGet(prefix + "/keys/{id:guid}/{action}", (HttpContext c, IKeyStore s, Guid id, string action) =>
            KeyConfirmations.ShowAsync(c, s, ownerOf(c), pageOf(c), id, action));
    }

    private static async Task<IResult> GenerateAsync(HttpContext context, IKeyStore store, KeyOwner owner, string page)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string selector = form["selector"].ToString().Trim();
        var requests = GenerationRequests(form["kind"].ToString(), selector, form["ed25519Selector"].ToString().Trim());
        if (await PairProblemAsync(store, actor, owner, requests, context.RequestAborted) is { } problem)
        {
            return Flash.Redirect(context, page, problem, isError: true);
        }

        var made = new List<string>();
        foreach (var request in requests)
        {
            var result = await store.GenerateKeyAsync(actor, owner, request, context.RequestAborted);
            if (result.Error is { Kind: StoreErrorKind.NotFound })
            {
                return Page.NotFound(context, actor, "There is no such domain, or it is not one of yours");
            }

            if (!result.TryGetValue(out var value, out var error))
            {
                return Flash.Redirect(context, page, $"the key {request.Selector} was not generated: {error.Message}", isError: true);
            }

            made.Add(value.RecordName);
        }

        return Flash.Redirect(context, page, $"generated. Publish the record {string.Join(" and ", made)}, check DNS, then activate.");
    }

    /// <summary>The keys a choice of <see cref="KeyForms.KeyChoices"/> asks for. "rsa" and a size asks for that size
    /// whatever it is: the store refuses a size outside <see cref="Signet.Dkim.Keys.DkimKeySizes"/> with the reason,
    /// rather than the console quietly making another.</summary>
    public static KeyGenerationRequest[] GenerationRequests(string kind, string selector, string ed25519Selector) => kind switch
    {
        DkimKeyTypeNames.Ed25519 => [new KeyGenerationRequest(selector, DkimKeyType.Ed25519)],
        "both" => [new KeyGenerationRequest(selector), new KeyGenerationRequest(Ed25519Partner(selector, ed25519Selector), DkimKeyType.Ed25519)],
        _ when kind.StartsWith(DkimKeyTypeNames.Rsa, StringComparison.Ordinal) && int.TryParse(kind.AsSpan(DkimKeyTypeNames.Rsa.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int bits) =>
            [new KeyGenerationRequest(selector, DkimKeyType.Rsa, bits)],
        _ => [new KeyGenerationRequest(selector)],
    };

    /// <summary>The Ed25519 selector of a "both" pair: the one the admin named, or the RSA selector followed by "e"
    /// (s1 and s1e), so the two keys read as a pair in DNS.</summary>
    public static string Ed25519Partner(string rsaSelector, string named) => named.Length > 0 ? named : rsaSelector + "e";

    // A pair is made whole or not at all: both selectors are checked before the first key is generated.
    private static async Task<string?> PairProblemAsync(IKeyStore store, Actor actor, KeyOwner owner, KeyGenerationRequest[] requests, CancellationToken ct)
    {
        if (requests.Length < 2)
        {
            return null;
        }

        if (string.Equals(requests[0].Selector, requests[1].Selector, StringComparison.OrdinalIgnoreCase))
        {
            return $"the RSA and Ed25519 keys need two different selectors (both are {requests[0].Selector})";
        }

        var listed = await store.ListKeysAsync(actor, owner, ct);
        var used = (listed.TryGetValue(out var keys, out _) ? keys : []).Select(k => k.Selector).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var taken = requests.Select(r => r.Selector).Where(used.Contains).ToList();
        return taken.Count == 0 ? null : $"the selector {string.Join(" and ", taken)} is already used by a key of this domain; choose another";
    }

    private static async Task<IResult> ImportAsync(HttpContext context, IKeyStore store, KeyOwner owner, string page)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        string selector = form["selector"].ToString().Trim();
        byte[] key;
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            // A private key file is a few kilobytes; anything much larger is not one.
            if (file.Length > 64 * 1024)
            {
                return Flash.Redirect(context, page, "that file is too large to be a private key", isError: true);
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, context.RequestAborted);
            key = buffer.ToArray();
        }
        else
        {
            key = System.Text.Encoding.UTF8.GetBytes(form["pem"].ToString().Trim());
        }

        if (key.Length == 0)
        {
            return Flash.Redirect(context, page, "paste a private key or choose its file", isError: true);
        }

        var result = await store.ImportKeyAsync(actor, owner, selector, key, context.RequestAborted);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        if (result.Error is { Kind: StoreErrorKind.NotFound })
        {
            return Page.NotFound(context, actor, "There is no such domain, or it is not one of yours");
        }

        return result.TryGetValue(out var value, out var error)
            ? Flash.Redirect(context, page, $"imported. Publish the record {value.RecordName}, check DNS, then activate.")
            : Flash.Redirect(context, page, "the key was not imported: " + error.Message, isError: true);
    }

    private static async Task<IResult> AdvanceAsync(HttpContext context, IKeyStore store, string page)
    {
        var result = await store.AdvanceRotationsAsync(ConsoleRequest.RequireActor(context), context.RequestAborted);
        if (!result.TryGetValue(out var value, out var error))
        {
            return Flash.Redirect(context, page, error.Message, isError: true);
        }

        return value.Count > 0
            ? Flash.Redirect(context, page, "the new record is published: Signet now signs with the new key.")
            : Flash.Redirect(context, page, "DNS checked; the new record is not seen yet, so Signet still signs with the old key.", FlashTone.Warning);
    }

    private static async Task<IResult> KeyActionAsync(HttpContext context, IKeyStore store, KeyOwner owner, string page, Guid id, string action)
    {
        var actor = ConsoleRequest.RequireActor(context);
        var found = await store.GetKeyAsync(actor, id, context.RequestAborted);
        if (!found.TryGetValue(out var key, out _) || !BelongsTo(key, owner))
        {
            return Page.NotFound(context, actor, "There is no such key");
        }

        var ct = context.RequestAborted;
        if (action == "check")
        {
            return await CheckDnsAsync(context, store, actor, key, page);
        }

        var form = await context.Request.ReadFormAsync(ct);
        if (KeyConfirmations.Required(action, form) && !KeyConfirmations.Given(form))
        {
            return Results.Redirect($"{page}/keys/{key.Id}/{action}");
        }

        (bool ok, string message) = action switch
        {
            "activate" => Outcome(await store.ActivateKeyAsync(actor, id, form["force"] == "true", ct), k => $"{k.Selector} is active: Signet signs with it now."),
            "retire" => Outcome(await store.RetireKeyAsync(actor, id, ct), k => $"{k.Selector} no longer signs; keep its record published for a few days."),
            "revoke" => Outcome(await store.RevokeKeyAsync(actor, id, ct), k => $"{k.Selector} is revoked: publish its record as {KeyRecords.RevokedValue}"),
            "delete" => Outcome(await store.DeleteKeyAsync(actor, id, ct), _ => $"{key.Selector} is deleted; its private key is destroyed."),
            "rotate" => Outcome(await store.StartRotationAsync(actor, id, form["selector"].ToString().Trim(), ct),
                _ => "rotation started: publish the new record shown below."),
            _ => (false, "unknown action " + action),
        };
        return Flash.Redirect(context, page, ok ? message : $"{key.Selector}: {message}", isError: !ok);
    }

    // A check that ran is reported with the tone of what it found: a missing or wrong record is red, never "Done".
    private static async Task<IResult> CheckDnsAsync(HttpContext context, IKeyStore store, Actor actor, KeyEntry key, string page)
    {
        var result = await store.CheckKeyDnsAsync(actor, key.Id, context.RequestAborted);
        if (!result.TryGetValue(out var value, out var error))
        {
            return Flash.Redirect(context, page, $"{key.Selector}: {error.Message}", FlashTone.Error);
        }

        var check = value.LastDnsCheck!;
        return Flash.Redirect(context, page, check.Summary, KeyStatus.Tone(check), KeyStatus.Heading(check));
    }

    private static (bool, string) Outcome<T>(StoreResult<T> result, Func<T, string> success) =>
        result.TryGetValue(out var value, out var error) ? (true, success(value)) : (false, error.Message);

    public static bool BelongsTo(KeyEntry key, KeyOwner owner) =>
        key.Scope == owner.Scope && (owner.Scope == KeyScope.Server || string.Equals(key.Domain, owner.Domain, StringComparison.OrdinalIgnoreCase));
}
