using Signet.Admin.Console.Rendering;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Domains;

/// <summary>The tabs of a domain's pages: its DKIM keys, and every DNS record it needs.</summary>
public static class DomainTabs
{
    public static Markup Render(string domain, string current)
    {
        var tabs = new[] { ("dkim", "DKIM", ConsoleRoutes.DomainDkim(domain)), ("dns", "DNS records", DnsRecordsPage.PathFor(domain)) };
        var items = tabs.Select(t => t.Item1 == current
            ? Of($"""<li><a href="{t.Item3}" aria-current="page">{t.Item2}</a></li>""")
            : Of($"""<li><a href="{t.Item3}">{t.Item2}</a></li>"""));
        return Of($"""<nav class="tabs" aria-label="{domain}"><ul>{items}</ul></nav>""");
    }
}
