using Signet.Admin.Console.Rendering;
using Signet.Dkim.Alignment;
using Signet.Store;
using Signet.Store.Model;
using Signet.Store.Policy;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Domains;

/// <summary>What happens to mail from this domain and from its subdomains, decided by <see cref="SigningPolicy"/> on
/// what the signing path uses now: signed with which d=, aligned or why not.</summary>
public static class AlignmentPanel
{
    public static Markup Render(SigningSnapshot snapshot, DomainEntry domain)
    {
        string sub = "news." + domain.Name;
        return Of($"""
            <section class="card" aria-labelledby="alignment-heading">
            <h2 id="alignment-heading">Alignment</h2>
            <ul class="alignment">{Row(snapshot, domain.Name)}{Row(snapshot, sub)}</ul>
            </section>
            """);
    }

    private static Markup Row(SigningSnapshot snapshot, string fromDomain)
    {
        var from = new FromDomainResult(FromDomainStatus.One, [fromDomain], ["someone@" + fromDomain], string.Empty);
        var decision = SigningPolicy.Decide(snapshot, from);
        var badge = decision switch
        {
            { Signs: true, Aligned: true } => Badge("ok", "aligned"),
            { Signs: true } => Badge("warn", "signed, not aligned"),
            _ => Badge("bad", "not signed"),
        };
        string summary = decision.Signs
            ? $"Mail from @{fromDomain} is signed with d={decision.SigningDomain}"
            : $"Mail from @{fromDomain} is not signed";
        return Of($"""<li><p><strong>{summary}</strong> {badge}</p><p class="hint">{decision.Explanation}.</p></li>""");
    }
}
