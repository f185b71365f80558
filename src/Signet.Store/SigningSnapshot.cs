using Signet.Dkim.Keys;
using Signet.Store.Model;
using Signet.Store.Policy;

namespace Signet.Store;

/// <summary>The signing configuration at one revision: the protected domains, the active keys by identity, the users
/// whose submissions the mail path checks (by login name), and the opened private keys of the active keys by key id.
/// A snapshot read for explaining (<see cref="ISigningSnapshotSource.GetPolicySnapshotAsync"/>) has no private keys: deciding
/// needs only which keys, and opening every tenant's private key to explain one message would be needless exposure.</summary>
public sealed record SigningSnapshot(
    long Revision,
    IReadOnlyDictionary<string, DomainEntry> Domains,
    IReadOnlyDictionary<string, IReadOnlyList<SigningKey>> DomainKeys,
    ServerSettings Server,
    IReadOnlyList<SigningKey> ServerKeys,
    IReadOnlyDictionary<string, SubmissionUser> Users,
    IReadOnlyDictionary<Guid, DkimPrivateKey> PrivateKeys);
