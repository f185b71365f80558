using Signet.Store.Policy;

namespace Signet.Store.Model;

/// <summary>A protected domain with its keys (deleted keys not listed, newest first): what a list of domains needs to
/// say whether each signs, read in one go rather than one query per domain.</summary>
public sealed record DomainWithKeys(DomainEntry Domain, IReadOnlyList<KeyEntry> Keys)
{
    /// <summary>Whether the domain signs its next message, and why (<see cref="SigningStatus.ForDomain"/>).</summary>
    public SigningStatus Status => SigningStatus.ForDomain(Domain, Keys);
}
