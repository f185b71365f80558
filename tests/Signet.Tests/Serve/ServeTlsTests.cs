using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>TLS for the console and the API directly (<c>--tls-certificate</c>, <c>--tls-key</c>): a real handshake
/// over loopback sees the certificate, a renewal written over the files is served on the next connection without a
/// restart, and files that cannot be used stop the start with one line naming the file.</summary>
[Trait("Tier", "Integration")]
public sealed class ServeTlsTests
{
    [Fact]
    public async Task Serve_WhenTheCertificateFilesAreReplaced_ServesTheNewCertificateWithoutRestart()
    {
        using var data = new TemporaryDirectory();
        using var files = new TemporaryDirectory();
        string certificate = files.File("fullchain.pem");
        string key = files.File("privkey.pem");
        WritePair("first.signet.test", certificate, key);
        int port = LoopbackPorts.FindFreeTcpAndUdpPort();
        await using var serve = await ServeProcess.StartAsync(
            data.Path,
            ["--hostname", "mx.signet.test", "--urls", $"https://127.0.0.1:{port}", "--tls-certificate", certificate, "--tls-key", key]);
        Assert.Equal("CN=first.signet.test", await HandshakeSubjectAsync(port));

        WritePair("renewed.signet.test", certificate, key);

        await Eventually.Until(async () => await HandshakeSubjectAsync(port) == "CN=renewed.signet.test", "a new connection gets the renewed certificate");
        Assert.Contains("TLS certificate read again", serve.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing certificate")]
    [InlineData("not PEM")]
    [InlineData("key of another certificate")]
    [InlineData("expired")]
    public async Task Serve_WithTlsFilesItCannotUse_FailsStartWithOneLineNamingTheFile(string problem)
    {
        using var data = new TemporaryDirectory();
        using var files = new TemporaryDirectory();
        string certificate = files.File("fullchain.pem");
        string key = files.File("privkey.pem");
        WritePair("mail.signet.test", certificate, key, expired: problem == "expired");
        switch (problem)
        {
            case "missing certificate":
                File.Delete(certificate);
                break;
            case "not PEM":
                await File.WriteAllTextAsync(certificate, "-----BEGIN CERTIFICATE-----\n%%%% not base64 \0\x1b[2J\n-----END CERTIFICATE-----\n");
                break;
            case "key of another certificate":
                WritePair("other.signet.test", files.File("other.pem"), key);
                break;
        }

        var (code, _, error) = await ServeProcess.RunToEndAsync(
            ["serve", "--data", data.Path, "--urls", "https://127.0.0.1:8443", "--tls-certificate", certificate, "--tls-key", key]);

        Assert.Equal(2, code);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Contains(certificate, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_WithAnHttpsUrlButNoCertificate_FailsStartSayingWhatIsMissing()
    {
        using var data = new TemporaryDirectory();

        var (code, _, error) = await ServeProcess.RunToEndAsync(["serve", "--data", data.Path, "--urls", "https://127.0.0.1:8443"]);

        Assert.Equal(2, code);
        Assert.Contains("TlsCertificateFile", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    private static void WritePair(string name, string certificateFile, string keyFile, bool expired = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        using var certificate = expired
            ? request.CreateSelfSigned(now.AddDays(-30), now.AddDays(-1))
            : request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    }

    private static async Task<string> HandshakeSubjectAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        string subject = string.Empty;
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "mail.signet.test",
            // The test's certificates are self-signed: it accepts the one shown and checks which it is, not the chain.
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
            {
                subject = presented?.Subject ?? string.Empty;
                return presented is not null;
            },
        });
        return subject;
    }
}
