using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Rendering;

/// <summary>The one-line outcome of an action, carried across the redirect that follows every POST in a short-lived,
/// protected cookie (so a reload never repeats the action, and nobody can plant a message). Each outcome carries its
/// own tone and heading: a check that ran and found the record wrong is red, not a green "Done".</summary>
public static class Flash
{
    private const string CookieName = "signet-flash";
    private const string Purpose = "Signet.Console.Flash";
    private const char HeadingEnd = '\u001F';

    public static void Set(HttpContext context, string text, bool isError = false) =>
        Set(context, text, isError ? FlashTone.Error : FlashTone.Ok);

    /// <summary>Sets the outcome; <paramref name="heading"/> replaces the tone's own ("Done:", "Attention:", "Not done:")
    /// when the action ran and its result is what has the tone, as a DNS check that found a problem.</summary>
    public static void Set(HttpContext context, string text, FlashTone tone, string? heading = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        string value = protector.Protect(ToneCode(tone) + (heading ?? DefaultHeading(tone)) + HeadingEnd + text);
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromMinutes(1),
        });
    }

    public static (string Heading, string Text, FlashTone Tone)? Take(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out string? value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        try
        {
            string text = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(value);
            int end = text.IndexOf(HeadingEnd, StringComparison.Ordinal);
            return text.Length == 0 || end < 0 ? null : (text[1..end], text[(end + 1)..], FromCode(text[0]));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The flash of this request, if any, as the page shows it.</summary>
    public static Markup Render(HttpContext context)
    {
        if (Take(context) is not { } flash)
        {
            return Markup.Empty;
        }

        string css = flash.Tone switch { FlashTone.Ok => "ok", FlashTone.Warning => "warn", _ => "bad" };
        string role = flash.Tone == FlashTone.Ok ? "status" : "alert";
        return Of($"""<div class="flash {css}" role="{role}"><strong>{flash.Heading}</strong> {flash.Text}</div>""");
    }

    /// <summary>Redirects back to a page after an action, with its outcome.</summary>
    public static IResult Redirect(HttpContext context, string location, string text, bool isError = false) =>
        Redirect(context, location, text, isError ? FlashTone.Error : FlashTone.Ok);

    public static IResult Redirect(HttpContext context, string location, string text, FlashTone tone, string? heading = null)
    {
        Set(context, text, tone, heading);
        return Results.Redirect(location);
    }

    private static string DefaultHeading(FlashTone tone) => tone switch
    {
        FlashTone.Ok => "Done:",
        FlashTone.Warning => "Attention:",
        _ => "Not done:",
    };

    private static char ToneCode(FlashTone tone) => tone switch { FlashTone.Ok => 'O', FlashTone.Warning => 'W', _ => 'E' };

    private static FlashTone FromCode(char code) => code switch { 'O' => FlashTone.Ok, 'W' => FlashTone.Warning, _ => FlashTone.Error };
}
