namespace Signet.Interop.Tests.Peers;

/// <summary>A key of the interop set: its name in the matrix (rsa1024, rsa2048, rsa4096, ed25519), its selector,
/// the algorithm tag, and the private key in the forms peers read.</summary>
public sealed record InteropKey(
    string Name,
    string Selector,
    string Algorithm,
    int Bits,
    string Pkcs8PemPath,
    string Pkcs1PemPath,
    string? Ed25519SeedBase64Path);
