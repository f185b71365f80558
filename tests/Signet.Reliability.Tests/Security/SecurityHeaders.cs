namespace Signet.Reliability.Tests.Security;

/// <summary>The headers every console page carries, with the value each must have.</summary>
internal static class SecurityHeaders
{
    public static IEnumerable<string> Missing(HttpResponseMessage response, bool cacheable = false)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : string.Empty;

        if (!Header("Content-Security-Policy").Contains("frame-ancestors 'none'", StringComparison.Ordinal)
            || !Header("Content-Security-Policy").Contains("default-src 'none'", StringComparison.Ordinal))
        {
            yield return "Content-Security-Policy";
        }

        if (Header("X-Content-Type-Options") != "nosniff")
        {
            yield return "X-Content-Type-Options: nosniff";
        }

        if (Header("X-Frame-Options") != "DENY")
        {
            yield return "X-Frame-Options: DENY";
        }

        if (Header("Referrer-Policy") != "no-referrer")
        {
            yield return "Referrer-Policy: no-referrer";
        }

        if (!cacheable && !Header("Cache-Control").Contains("no-store", StringComparison.Ordinal))
        {
            yield return "Cache-Control: no-store";
        }
    }
}
