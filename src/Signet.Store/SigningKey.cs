using Signet.Dkim;

namespace Signet.Store;

/// <summary>An active key as the signing policy names it: its id, d=, s= and algorithm. The private key itself is in
/// <see cref="SigningSnapshot.PrivateKeys"/>, when the snapshot was read to sign.</summary>
public sealed record SigningKey(Guid Id, string Domain, string Selector, DkimAlgorithm Algorithm);
