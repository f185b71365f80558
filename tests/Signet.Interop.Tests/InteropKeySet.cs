using System.Security.Cryptography;
using Signet.Interop.Tests.Peers;

namespace Signet.Interop.Tests;

/// <summary>Makes the interop keys with <c>signet keygen</c> (PKCS#8 PEM), each under its own selector, plus the
/// forms other implementations read: PKCS#1 PEM for RSA, the base64 of the 32-byte seed for Ed25519.</summary>
public static class InteropKeySet
{
    // RFC 8410 §7: an Ed25519 PKCS#8 key is this fixed prefix followed by the 32-byte seed.
    private static readonly byte[] Ed25519Pkcs8Prefix = Convert.FromHexString("302e020100300506032b657004220420");

    public static async Task<IReadOnlyList<InteropKey>> CreateAsync(string folder, CancellationToken cancellationToken)
    {
        var keys = await Task.WhenAll(
            Task.Run(() => CreateRsaAsync(folder, 1024, cancellationToken), cancellationToken),
            Task.Run(() => CreateRsaAsync(folder, 2048, cancellationToken), cancellationToken),
            Task.Run(() => CreateRsaAsync(folder, 4096, cancellationToken), cancellationToken),
            Task.Run(() => CreateEd25519Async(folder, cancellationToken), cancellationToken)).ConfigureAwait(false);
        return keys;
    }

    private static async Task<InteropKey> CreateRsaAsync(string folder, int bits, CancellationToken cancellationToken)
    {
        string name = $"rsa{bits}";
        string pkcs8 = Path.Combine(folder, name + ".pem");
        await SignetCli.RunCheckedAsync([], ["keygen", "--algorithm", "rsa", "--bits", bits.ToString(), "--out", pkcs8], cancellationToken)
            .ConfigureAwait(false);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(await File.ReadAllTextAsync(pkcs8, cancellationToken).ConfigureAwait(false));
        string pkcs1 = Path.Combine(folder, name + ".pkcs1.pem");
        await File.WriteAllTextAsync(pkcs1, rsa.ExportRSAPrivateKeyPem() + "\n", cancellationToken).ConfigureAwait(false);
        return new InteropKey(name, name, "rsa-sha256", bits, pkcs8, pkcs1, null);
    }

    private static async Task<InteropKey> CreateEd25519Async(string folder, CancellationToken cancellationToken)
    {
        const string Name = "ed25519";
        string pkcs8 = Path.Combine(folder, Name + ".pem");
        await SignetCli.RunCheckedAsync([], ["keygen", "--algorithm", "ed25519", "--out", pkcs8], cancellationToken).ConfigureAwait(false);
        string text = await File.ReadAllTextAsync(pkcs8, cancellationToken).ConfigureAwait(false);
        byte[] der = Convert.FromBase64String(text[PemEncoding.Find(text).Base64Data]);
        if (der.Length != Ed25519Pkcs8Prefix.Length + 32 || !der.AsSpan(0, Ed25519Pkcs8Prefix.Length).SequenceEqual(Ed25519Pkcs8Prefix))
        {
            throw new InvalidDataException($"{pkcs8} is not an Ed25519 PKCS#8 key of the expected form");
        }

        string seed = Path.Combine(folder, Name + ".seed.b64");
        await File.WriteAllTextAsync(seed, Convert.ToBase64String(der.AsSpan(Ed25519Pkcs8Prefix.Length)) + "\n", cancellationToken)
            .ConfigureAwait(false);
        // No PKCS#1 form exists for Ed25519; peers that read PEM get the PKCS#8 file.
        return new InteropKey(Name, Name, "ed25519-sha256", 256, pkcs8, pkcs8, seed);
    }
}
