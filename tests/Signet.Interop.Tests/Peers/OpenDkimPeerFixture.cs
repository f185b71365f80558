using System.Security.Cryptography;
using Signet.Dkim;
using Signet.Dkim.DnsText;
using Signet.Dkim.Keys;
using Signet.Testing;

namespace Signet.Interop.Tests.Peers;

/// <summary>An RSA 2048 and an Ed25519 key made by Signet, the zone that publishes them served by nsd on loopback,
/// and an OpenDKIM peer reading keys from it. The tests only read it.</summary>
public sealed class OpenDkimPeerFixture : IAsyncLifetime
{
    /// <summary>Under test., which resolvers answer locally unless told otherwise: the peer must tell them.</summary>
    public const string Domain = "interop.test";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("signet-opendkim-keys-");
    private readonly Dictionary<string, DkimPrivateKey> _privateKeys = [];

    public IReadOnlyDictionary<string, InteropKey> Keys { get; private set; } = new Dictionary<string, InteropKey>();

    public AuthoritativeDnsServer Dns { get; private set; } = null!;

    public OpenDkimPeer Peer { get; private set; } = null!;

    public DkimPrivateKey PrivateKey(string name) => _privateKeys[name];

    public async Task InitializeAsync()
    {
        var rsa = Add("rsa2048", DkimKeyGenerator.Generate(DkimKeyType.Rsa, 2048));
        var ed25519 = Add("ed25519", DkimKeyGenerator.Generate(DkimKeyType.Ed25519));
        Keys = new Dictionary<string, InteropKey> { [rsa.Name] = rsa, [ed25519.Name] = ed25519 };

        var records = _privateKeys.Select(pair => DkimDnsTextFormatter.Format(
            DkimDnsRecordName.For(Keys[pair.Key].Selector, Domain), DkimKeyRecord.Format(pair.Value.PublicKey), DkimDnsTextFormat.Zone));
        Dns = await AuthoritativeDnsServer.StartAsync(Domain, records, CancellationToken.None);
        Peer = await OpenDkimPeer.StartAsync(new InteropZone(Domain, [.. records], Dns.Endpoint), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Peer is not null)
        {
            await Peer.DisposeAsync();
        }

        if (Dns is not null)
        {
            await Dns.DisposeAsync();
        }

        foreach (var key in _privateKeys.Values)
        {
            key.Dispose();
        }

        _directory.Delete(recursive: true);
    }

    private InteropKey Add(string name, DkimPrivateKey key)
    {
        _privateKeys.Add(name, key);
        string pkcs8 = Path.Combine(_directory.FullName, name + ".pkcs8.pem");
        File.WriteAllText(pkcs8, key.ExportPkcs8Pem());
        if (key.KeyType == DkimKeyType.Ed25519)
        {
            return new InteropKey(name, name, "ed25519-sha256", 256, pkcs8, string.Empty, null);
        }

        string pkcs1 = Path.Combine(_directory.FullName, name + ".pkcs1.pem");
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key.ExportPkcs8Pem());
        File.WriteAllText(pkcs1, rsa.ExportRSAPrivateKeyPem());
        return new InteropKey(name, name, "rsa-sha256", key.KeySizeBits, pkcs8, pkcs1, null);
    }
}
