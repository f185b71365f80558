using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Signet.Admin.Console.Rendering;

/// <summary>The one-line outcome of an action, carried across the redirect that follows every POST in a short-lived,
/// protected cookie (so a reload never repeats the action, and nobody can plant a message).</summary>
public static class Flash
{
    private const string CookieName = "signet-flash";
    private const string Purpose = "Signet.Console.Flash";

    public static void Set(HttpContext context, string text, bool isError = false)
    {
        var protector = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        string value = protector.Protect((isError ? "E" : "O") + text);
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromMinutes(1),
        });
    }

    public static (string Text, bool IsError)? Take(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out string? value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        try
        {
            string text = context.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(value);
            return text.Length == 0 ? null : (text[1..], text[0] == 'E');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Redirects back to a page after an action, with its outcome.</summary>
    public static IResult Redirect(HttpContext context, string location, string text, bool isError = false)
    {
        Set(context, text, isError);
        return Results.Redirect(location);
    }
}
