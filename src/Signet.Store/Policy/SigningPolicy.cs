using Signet.Dkim.Alignment;
using Signet.Store.Model;

namespace Signet.Store.Policy;

/// <summary>Decides how a message is signed from a snapshot and its From domains. Pure: no I/O, no clock.
/// <para>The decisions for unusual mail, and why:</para>
/// <list type="bullet">
/// <item>No From domain (none, or unparseable): not signed. RFC 5322 §3.6 requires one From; vouching for a message
/// that breaks that helps nobody, and no receiver could align it anyway.</item>
/// <item>Several From domains: signed with the server key when server signing is on, else not signed. RFC 9989
/// §5.3.1 says DMARC cannot evaluate such mail, so no domain key would earn alignment; the server key still says
/// which server sent it.</item>
/// <item>Our domain with signing turned off: not signed, not even with the server key: the admin asked for no
/// signature.</item>
/// <item>Our domain with no active key: the server key when on (the explanation says to activate a domain key).</item>
/// </list></summary>
public static class SigningPolicy
{
    public static SigningDecision Decide(SigningSnapshot snapshot, FromDomainResult from)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(from);
        return from.Status switch
        {
            FromDomainStatus.One => DecideFor(snapshot, from.Domains[0]),
            FromDomainStatus.Several => WithServerKey(snapshot, SigningRule.SeveralFromDomains,
                $"the message has several From domains ({string.Join(", ", from.Domains)}), so DMARC cannot evaluate it (RFC 9989 §5.3.1)"),
            _ => None(SigningRule.NoFromDomain, $"the message has no usable From domain ({from.Message}): not signed"),
        };
    }

    private static SigningDecision DecideFor(SigningSnapshot snapshot, string fromDomain)
    {
        string domain = fromDomain.TrimEnd('.').ToLowerInvariant();
        if (snapshot.Domains.TryGetValue(domain, out var own))
        {
            return WithDomainKeys(snapshot, own, domain, SigningRule.DomainKeys);
        }

        // The nearest protected parent decides; a grandparent does not lend keys past a parent that refuses.
        foreach (string parent in DomainNames.ParentsOf(domain))
        {
            if (!snapshot.Domains.TryGetValue(parent, out var entry))
            {
                continue;
            }

            if (entry.Subdomains == SubdomainSigning.UseParentKeys)
            {
                return WithDomainKeys(snapshot, entry, domain, SigningRule.ParentDomainKeys);
            }

            return NotOurs(snapshot, domain, $"{domain} is a subdomain of {parent}, which requires subdomains to have their own keys");
        }

        return NotOurs(snapshot, domain, $"{domain} is not a protected domain");
    }

    private static SigningDecision WithDomainKeys(SigningSnapshot snapshot, DomainEntry entry, string fromDomain, SigningRule rule)
    {
        if (!entry.SigningEnabled)
        {
            return None(SigningRule.DomainSigningDisabled, $"signing is turned off for {entry.Name}: not signed");
        }

        if (!snapshot.DomainKeys.TryGetValue(entry.Name, out var keys) || keys.Count == 0)
        {
            return WithServerKey(snapshot, SigningRule.NoActiveKey, $"{entry.Name} has no active key (activate one to sign with d={entry.Name})");
        }

        string explanation = rule == SigningRule.DomainKeys
            ? $"signed with the keys of {entry.Name}: d={entry.Name} is aligned with the From domain"
            : $"signed with the keys of the parent domain {entry.Name}: d={entry.Name} is relaxed-aligned with the From domain {fromDomain} (RFC 7489 §3.1.1)";
        return new SigningDecision(rule, keys, entry.Name, true, explanation);
    }

    private static SigningDecision NotOurs(SigningSnapshot snapshot, string domain, string reason) =>
        WhyServerKeyCannotSign(snapshot) is { } why
            ? None(SigningRule.NotOurDomain, $"{reason}, and {why}: not signed")
            : ServerSigned(snapshot, SigningRule.ServerKey, reason);

    private static SigningDecision WithServerKey(SigningSnapshot snapshot, SigningRule rule, string reason) =>
        WhyServerKeyCannotSign(snapshot) is { } why
            ? None(rule, $"{reason}; {why}: not signed")
            : ServerSigned(snapshot, rule, reason);

    // A d= must be a domain a receiver can look the key up under (RFC 6376 §3.5, §3.6.2.1): a single label such as
    // "vm" is nobody's, so the server-wide key does not sign with it, whatever the switch says.
    private static string? WhyServerKeyCannotSign(SigningSnapshot snapshot) =>
        !snapshot.Server.ServerSigningEnabled ? "server-wide signing is off"
        : !snapshot.Server.HostName.Contains('.', StringComparison.Ordinal)
            ? $"the server-wide key cannot sign: the host name \"{snapshot.Server.HostName}\" is a single label, not a domain; set the fully qualified name with signet serve --hostname NAME (or SIGNET_HOSTNAME, or the Server DKIM page)"
        : snapshot.ServerKeys.Count == 0 ? "server-wide signing is on but has no active key"
        : null;

    private static SigningDecision ServerSigned(SigningSnapshot snapshot, SigningRule rule, string reason) =>
        new(rule, snapshot.ServerKeys, snapshot.Server.HostName, false,
            $"{reason}; signed with the server-wide key d={snapshot.Server.HostName}, which is NOT aligned with the From domain: DMARC does not pass on this signature (add the domain and its own key for that)");

    private static SigningDecision None(SigningRule rule, string explanation) => new(rule, [], null, false, explanation);
}
