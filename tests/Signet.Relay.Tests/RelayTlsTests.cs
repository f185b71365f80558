using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Signet.Relay.Tests.Support;
using Signet.Testing;

namespace Signet.Relay.Tests;

/// <summary>STARTTLS with a certificate made here, and SMTP AUTH only inside it.</summary>
public sealed class RelayTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("signet-relay-tls-").FullName;

    [Fact]
    public async Task AuthenticatedClientOverStartTls_IsSignedAsOutbound()
    {
        var (certificate, hash) = CreateCertificate();
        var policy = FixedSigningPolicy.SignWith(RelayHarness.Request);
        await using var relay = await RelayHarness.StartAsync(
            options => options with { Authentication = true, CertificatePath = certificate, CertificatePassword = "secret" },
            policy, authenticator: new FixedAuthenticator("joe", "correct horse"), mail: RelayHarness.Mail with { InternalNetworks = [] });
        await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);
        Assert.Contains("STARTTLS", client.Capabilities, StringComparison.Ordinal);
        Assert.DoesNotContain("AUTH", client.Capabilities, StringComparison.Ordinal);
        Assert.StartsWith("538 5.7.11", await client.AuthenticatePlainAsync("joe", "correct horse"), StringComparison.Ordinal);

        await client.StartTlsAsync(hash);
        Assert.Contains("AUTH PLAIN LOGIN", client.Capabilities, StringComparison.Ordinal);
        Assert.StartsWith("535 5.7.8", await client.AuthenticatePlainAsync("joe", "wrong"), StringComparison.Ordinal);
        Assert.StartsWith("235", await client.AuthenticatePlainAsync("joe", "correct horse"), StringComparison.Ordinal);
        var replies = await client.SendAsync("joe@football.example.com", ["suzie@shopping.example.net"], Encoding.ASCII.GetBytes(TestMessages.Simple));

        Assert.StartsWith("250", replies[^1], StringComparison.Ordinal);
        var delivered = (await relay.Sink!.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0];
        Assert.StartsWith("DKIM-Signature:", delivered.Text, StringComparison.Ordinal);
        Assert.Equal("joe", policy.LastContext?.AuthenticatedUser);
    }

    [Fact]
    public async Task UnauthenticatedExternalClient_IsVerifiedNotSigned()
    {
        var (certificate, hash) = CreateCertificate();
        await using var relay = await RelayHarness.StartAsync(
            options => options with { Authentication = true, CertificatePath = certificate, CertificatePassword = "secret" },
            authenticator: new FixedAuthenticator("joe", "correct horse"), mail: RelayHarness.Mail with { InternalNetworks = [] });
        await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);
        await client.StartTlsAsync(hash);

        var replies = await client.SendAsync("joe@football.example.com", ["suzie@shopping.example.net"], Encoding.ASCII.GetBytes(TestMessages.Simple));

        Assert.StartsWith("250", replies[^1], StringComparison.Ordinal);
        var delivered = (await relay.Sink!.WaitForAsync(1, TimeSpan.FromSeconds(10)))[0];
        Assert.StartsWith("Authentication-Results: relay.signet.test;\r\n\tdkim=none", delivered.Text, StringComparison.Ordinal);
    }

    /// <summary>RFC 3207 §4.2: a command written in plain text right behind STARTTLS (by a man in the middle, say) is
    /// never read; with pipelining offered, a client may well send more than one command in a write.</summary>
    [Fact]
    public async Task CommandInjectedBehindStartTls_IsDiscarded()
    {
        var (certificate, hash) = CreateCertificate();
        await using var relay = await RelayHarness.StartAsync(options => options with { CertificatePath = certificate, CertificatePassword = "secret" });
        await using var client = await RelayTestClient.ConnectAsync(relay.Endpoint);
        Assert.Contains("PIPELINING", client.Capabilities, StringComparison.Ordinal);

        await client.StartTlsAsync(hash, injected: "MAIL FROM:<mallory@football.example.com>\r\n");

        Assert.StartsWith("503", await client.CommandAsync("RCPT TO:<suzie@shopping.example.net>"), StringComparison.Ordinal);
        Assert.StartsWith("250", await client.CommandAsync("MAIL FROM:<joe@football.example.com>"), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (string Path, string Hash) CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=relay.signet.test", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        string path = Path.Combine(_directory, "relay.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "secret"));
        return (path, certificate.GetCertHashString());
    }
}
