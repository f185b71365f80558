using Signet.Admin.Console.Rendering;
using Signet.Dkim.Lookup;
using static Signet.Admin.Console.Rendering.Html;

namespace Signet.Admin.Console.Domains;

/// <summary>The SPF and DMARC cards of the DNS records page: why the record matters, what DNS holds now (or that the
/// lookup failed), each value encoded and flagged when it looks wrong, and for DMARC a record to start from.</summary>
public static class PolicyRecordCard
{
    public static Markup Spf(string domain, PolicyRecordLookup lookup) => Of($"""
        <section class="card policy" id="spf" aria-labelledby="spf-heading">
        <h2 id="spf-heading">SPF</h2>
        <p class="hint">Receivers check that the sending server is one the domain lists (RFC 7208). DKIM alone does not get
        mail delivered: the large mailbox providers want SPF as well, and one TXT record at {domain} is all it takes.</p>
        {Findings(lookup, "SPF", $"Publish one TXT record at {domain} that lists the servers sending its mail, such as v=spf1 mx -all.",
            "RFC 7208 §4.5: with more than one SPF record, receivers give up on SPF (permerror). Merge them into one.")}
        </section>
        """);

    public static Markup Dmarc(string domain, PolicyRecordLookup lookup, string page, string address)
    {
        return Of($"""
            <section class="card policy" id="dmarc" aria-labelledby="dmarc-heading">
            <h2 id="dmarc-heading">DMARC</h2>
            <p class="hint">DMARC (RFC 9989) tells receivers what to do with mail whose From domain is not backed by an aligned
            SPF or DKIM pass, and where to send reports about it. Without it, DKIM proves little to a receiver.</p>
            {Findings(lookup, "DMARC", $"Publish one TXT record at _dmarc.{domain}; the one below is a safe start.",
                "With more than one DMARC record, receivers apply no DMARC policy at all. Keep one.")}
            <h3>A record to start with</h3>
            <p class="hint">p=none only asks for reports: nothing is refused while you learn who sends mail as {domain}. Move to
            p=quarantine, then p=reject, once the reports show only your own servers.</p>
            <form method="get" action="{page}" class="stack">
            {TextField("rua", "Address for DMARC reports", address, hint: "Aggregate reports arrive there once a day from each large receiver.", autocomplete: "email", id: "dmarc-rua")}
            <button type="submit" class="button secondary">Show the record</button>
            </form>
            {Suggestion(domain, address)}
            </section>
            """);
    }

    private static Markup Suggestion(string domain, string address)
    {
        if (address.Length == 0)
        {
            return Of($"""<p class="hint">Enter the address above to get the record.</p>""");
        }

        return DmarcSuggestion.TryCheckAddress(address, out string? problem)
            ? Of($"""<p>Publish as a TXT record at <code>_dmarc.{domain}</code>:</p>{CopyBox("dmarc-suggested", "Suggested DMARC record", DmarcSuggestion.Record(address))}""")
            : Of($"""<p class="dns-check bad" role="alert">{Badge("bad", "Not an address for a DMARC record")} {problem}.</p>""");
    }

    private static Markup Findings(PolicyRecordLookup lookup, string kind, string whenMissing, string whenSeveral)
    {
        if (lookup.Failed)
        {
            return Of($"""
                <div class="dns-check bad" role="status">{Badge("bad", "Lookup failed")}
                <p>The TXT lookup of {lookup.Name} failed: {lookup.Detail}. This says nothing about whether a {kind} record exists; try again later.</p></div>
                """);
        }

        if (lookup.Records.Count == 0)
        {
            return Of($"""<div class="dns-check bad" role="status">{Badge("warn", $"No {kind} record")}<p>None at {lookup.Name}. {whenMissing}</p></div>""");
        }

        var several = lookup.Records.Count > 1
            ? Of($"""<p>{Badge("bad", $"{lookup.Records.Count} {kind} records")} {whenSeveral}</p>""")
            : Of($"""<p>{Badge("ok", $"{kind} record published")} at {lookup.Name}.</p>""");
        return Of($"""<div class="dns-check {(lookup.Records.Count > 1 ? "bad" : "ok")}" role="status">{several}<ul class="dns-values">{Join(lookup.Records.Select(Value))}</ul></div>""");
    }

    private static Markup Value(string value)
    {
        var flags = SuspiciousText.Flags(value);
        var flagged = flags.Count == 0
            ? Markup.Empty
            : Of($"""<ul class="flags">{Join(flags.Select(f => Of($"""<li>{Badge("bad", "Check this record")} {f}.</li>""")))}</ul>""");
        return Of($"""<li><code class="dns-value">{value}</code>{flagged}</li>""");
    }
}
