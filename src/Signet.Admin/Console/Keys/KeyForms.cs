using Microsoft.AspNetCore.Http;
using Signet.Admin.Console.Rendering;
using Signet.Dkim;
using Signet.Dkim.Keys;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Keys;

/// <summary>The forms that add a key: generate on the server (RSA 2048 by default), or import a PEM or an Ed25519 seed.</summary>
public static class KeyForms
{
    /// <summary>The choices offered, the default first: RSA 2048 is what every receiver checks (RFC 8301 wants at
    /// least 1024, 2048 is the usual floor now); Ed25519 (RFC 8463) is small but not yet checked everywhere, which
    /// is why "both" exists: receivers use whichever they know. An RSA choice is "rsa" and its size, which the store
    /// judges by <see cref="DkimKeySizes"/> like every other way in.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> KeyChoices =
    [
        ($"{DkimKeyTypeNames.Rsa}{DkimKeySizes.RecommendedRsaBits}", $"RSA {DkimKeySizes.RecommendedRsaBits} (recommended: every receiver checks it)"),
        ($"{DkimKeyTypeNames.Rsa}3072", "RSA 3072"),
        ($"{DkimKeyTypeNames.Rsa}{DkimKeySizes.MaximumRsaSigningBits}", $"RSA {DkimKeySizes.MaximumRsaSigningBits} (needs two TXT strings; some DNS panels struggle)"),
        ($"{DkimKeyTypeNames.Rsa}{DkimKeySizes.MinimumRsaBits}", $"RSA {DkimKeySizes.MinimumRsaBits} (only for old DNS panels limited to 255 characters)"),
        (DkimKeyTypeNames.Ed25519, "Ed25519 (RFC 8463; not every receiver checks it yet)"),
        ("both", $"Both: RSA {DkimKeySizes.RecommendedRsaBits} and Ed25519, each under its own selector"),
    ];

    public static Markup Render(HttpContext context, string prefix, string suggested)
    {
        var options = KeyChoices.Select((c, i) => Of($"""<option value="{c.Value}"{(i == 0 ? Of($" selected") : Markup.Empty)}>{c.Label}</option>"""));
        var generate = Of($"""
            {TextField("selector", "Selector", suggested, hint: "The name of the key in DNS, as in " + suggested + "._domainkey. Use a new one for each key.", id: "generate-selector")}
            <div class="field"><label for="generate-kind">Key</label><select id="generate-kind" name="kind">{options}</select></div>
            {TextField("ed25519Selector", "Selector for the Ed25519 key (only with Both)", required: false, id: "generate-ed25519-selector",
                hint: $"Leave it empty to pair the two keys as {suggested} and {suggested}e: the selector above followed by e.")}
            <button type="submit" class="button primary">Generate the key</button>
            """);
        var import = Of($"""
            {TextField("selector", "Selector", suggested, id: "import-selector")}
            <div class="field"><label for="import-pem">Private key (PEM, or an Ed25519 seed in base64)</label>
            <textarea id="import-pem" name="pem" rows="5" class="mono" spellcheck="false" autocomplete="off"></textarea></div>
            <div class="field"><label for="import-file">…or upload the file</label><input id="import-file" name="file" type="file"></div>
            <button type="submit" class="button secondary">Import the key</button>
            """);
        return Of($"""
            <section class="two" aria-label="Add a key">
            <div class="card"><h2>Generate a key</h2>{Form(context, prefix + "/generate", generate, "stack")}</div>
            <div class="card"><h2>Import a key</h2><p class="hint">Weak keys (RSA under {DkimKeySizes.MinimumRsaBits} bits) and RSA keys over {DkimKeySizes.MaximumRsaSigningBits} bits, which receivers need not check, are refused. The private key is encrypted at rest and never shown again.</p>{Form(context, prefix + "/import", import, "stack", upload: true)}</div>
            </section>
            """);
    }
}
