using Signet.Dkim.Alignment;
using Signet.Store.Model;

namespace Signet.Store.Policy;

/// <summary>Decides whether an authenticated user may have a message signed, before <see cref="SigningPolicy"/> decides
/// how. Pure: no I/O, no clock. Authentication proves who the user is, not which domains they may speak for: without
/// this rule a domain admin of one domain could get mail signed, aligned, for any other domain on the server.
/// <list type="bullet">
/// <item>A server admin may send for any domain.</item>
/// <item>A domain admin may send for their domains, and for a subdomain of one when that domain signs its subdomains
/// with its keys; the nearest protected domain decides, as in <see cref="SigningPolicy"/>, so a subdomain protected on
/// its own (perhaps another admin's) is not theirs.</item>
/// <item>Several From domains: every one must be theirs (RFC 5322 §3.6.2 allows several authors; each is vouched for).</item>
/// <item>No usable From domain: refused, as there is nothing to check the user's domains against.</item>
/// <item>No authenticated user, or a name the store does not know (an MTA's own SASL users): the signing policy alone
/// decides, as the client is trusted by its address.</item>
/// </list></summary>
public static class SubmissionPolicy
{
    /// <summary>The decision for the user authenticated as <paramref name="authenticatedUser"/> (none when null or empty).</summary>
    public static SubmissionDecision Decide(SigningSnapshot snapshot, string? authenticatedUser, FromDomainResult from)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (string.IsNullOrEmpty(authenticatedUser))
        {
            return new SubmissionDecision(SubmissionRule.NotAuthenticated, "not an authenticated submission");
        }

        if (!snapshot.Users.TryGetValue(authenticatedUser, out var user))
        {
            return new SubmissionDecision(SubmissionRule.UnknownUser,
                $"{authenticatedUser} is not a Signet user, so its domains are not known here; the signing policy alone decides");
        }

        return Decide(snapshot, user, from);
    }

    public static SubmissionDecision Decide(SigningSnapshot snapshot, SubmissionUser user, FromDomainResult from)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(from);
        if (user.Role == UserRole.ServerAdmin)
        {
            return new SubmissionDecision(SubmissionRule.ServerAdmin, $"{user.Name} is a server admin and may send for any domain");
        }

        if (from.Domains.Count == 0)
        {
            return new SubmissionDecision(SubmissionRule.NoFromDomain,
                $"the message has no usable From domain ({from.Message}), so it cannot be checked against the domains of {user.Name}");
        }

        foreach (string fromDomain in from.Domains)
        {
            string domain = fromDomain.TrimEnd('.').ToLowerInvariant();
            if (!IsTheirs(snapshot, user, domain))
            {
                return new SubmissionDecision(SubmissionRule.NotTheirDomain,
                    $"{user.Name} may send only for their own domains ({Describe(user.Domains)}), and the From domain {domain} is not one of them");
            }
        }

        return new SubmissionDecision(SubmissionRule.OwnDomain, $"the From domain {string.Join(", ", from.Domains)} is one of the domains of {user.Name}");
    }

    /// <summary>Whether <paramref name="domain"/> (lower case, no final dot) is one of the user's domains, or a subdomain
    /// whose nearest protected parent is theirs and signs its subdomains with its keys.</summary>
    public static bool IsTheirs(SigningSnapshot snapshot, SubmissionUser user, string domain)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(user);
        if (snapshot.Domains.ContainsKey(domain))
        {
            return user.Domains.Contains(domain);
        }

        foreach (string parent in DomainNames.ParentsOf(domain))
        {
            if (snapshot.Domains.TryGetValue(parent, out var entry))
            {
                return user.Domains.Contains(parent) && entry.Subdomains == SubdomainSigning.UseParentKeys;
            }
        }

        return false;
    }

    private static string Describe(IReadOnlySet<string> domains) =>
        domains.Count == 0 ? "none" : string.Join(", ", domains.Order(StringComparer.Ordinal));
}
