using Signet.Dkim.Keys;
using Signet.Store.Model;

namespace Signet.Store;

/// <summary>The signing configuration at one revision, with the private keys of active keys loaded once.</summary>
public sealed record SigningSnapshot(
    long Revision,
    IReadOnlyDictionary<string, DomainEntry> Domains,
    IReadOnlyDictionary<string, IReadOnlyList<SigningKey>> DomainKeys,
    ServerSettings Server,
    IReadOnlyList<SigningKey> ServerKeys);

/// <summary>An active key ready to sign: d=, s= and the parsed private key.</summary>
public sealed record SigningKey(Guid Id, string Domain, string Selector, DkimPrivateKey PrivateKey);
