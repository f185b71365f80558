using Signet.Store.Model;
using Signet.Store.Policy;

namespace Signet.Admin.Api.Domains;

/// <summary>A protected domain as the API shows it. <c>subdomains</c> is <c>useParentKeys</c> (mail from a subdomain
/// is signed with this domain's keys, relaxed-aligned) or <c>requireOwnKeys</c>. <c>signingEnabled</c> is the switch;
/// <c>signing</c> says whether its next message is signed (an active key exists), and <c>signingStatus</c> why not.</summary>
public sealed record DomainView(string Name, bool SigningEnabled, string Subdomains, DateTimeOffset CreatedAt, bool Signing, string SigningStatus)
{
    public static DomainView From(DomainEntry entry, SigningStatus status)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(status);
        return new DomainView(entry.Name, entry.SigningEnabled, SubdomainNames.Name(entry.Subdomains), entry.CreatedAt, status.IsSigning, status.Words);
    }
}
