using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Signet.Admin.Console.Rendering;

/// <summary>The small pieces every page is built from. Values are encoded by <see cref="Of"/>; nothing here writes
/// inline script or style, so the content security policy can forbid both.</summary>
public static class Html
{
    public static Markup Of(ref MarkupHandler handler) => handler.ToMarkup();

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Markup If(bool condition, Markup markup) => condition ? markup : Markup.Empty;

    /// <summary>A POST form with its anti-forgery token; every form in the console is built here.</summary>
    public static Markup Form(HttpContext context, string action, Markup content, string? cssClass = null, bool upload = false)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var enctype = upload ? Of($" enctype=\"multipart/form-data\"") : Markup.Empty;
        return Of($"""<form method="post" action="{action}" class="{cssClass ?? "inline"}"{enctype}><input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">{content}</form>""");
    }

    /// <summary>A form that is only a button, for one action on one thing.</summary>
    public static Markup ActionButton(HttpContext context, string action, string label, string style = "secondary", Markup extra = default) =>
        Form(context, action, Of($"""{extra}<button type="submit" class="button {style}">{label}</button>"""));

    /// <summary>A link that looks like a button: for a step that first opens a page (a confirmation), not an action.</summary>
    public static Markup LinkButton(string href, string label, string style = "secondary") =>
        Of($"""<a class="button {style}" href="{href}">{label}</a>""");

    /// <summary>A status in words and colour: <paramref name="kind"/> is ok, warn, bad or neutral.</summary>
    public static Markup Badge(string kind, string words) => Of($"""<span class="badge {kind}">{words}</span>""");

    /// <summary>A labelled text input. Give <paramref name="id"/> when the page holds two fields of the same name
    /// (two forms), so each label points at its own input.</summary>
    public static Markup TextField(string name, string label, string? value = null, string type = "text", string? hint = null, bool required = true, string? autocomplete = null, string? id = null)
    {
        id ??= "field-" + name;
        var hintMarkup = hint is null ? Markup.Empty : Of($"""<span class="hint" id="{id}-hint">{hint}</span>""");
        var described = hint is null ? Markup.Empty : Of($""" aria-describedby="{id}-hint" """);
        var req = required ? Of($" required") : Markup.Empty;
        var auto = autocomplete is null ? Markup.Empty : Of($""" autocomplete="{autocomplete}" """);
        return Of($"""<div class="field"><label for="{id}">{label}</label>{hintMarkup}<input id="{id}" name="{name}" type="{type}" value="{value ?? string.Empty}"{described}{req}{auto}></div>""");
    }

    /// <summary>A read-only text box with a copy button: the DNS record name and value are given this way.</summary>
    public static Markup CopyBox(string id, string label, string value, int rows = 1, Markup dataAttributes = default)
    {
        var box = rows == 1
            ? Of($"""<input id="{id}" class="mono" type="text" readonly value="{value}"{dataAttributes}>""")
            : Of($"""<textarea id="{id}" class="mono" rows="{rows}" readonly spellcheck="false"{dataAttributes}>{value}</textarea>""");
        return Of($"""<div class="field copy"><label for="{id}">{label}</label><div class="copy-row">{box}<button type="button" class="button secondary" data-copy="{id}">Copy</button></div></div>""");
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
