using System.Text;
using Signet.Dkim.Keys;

namespace Signet.Tests.Commands.Store;

public sealed class KeyCommandTests : IDisposable
{
    private readonly StoreCli _cli = new();

    [Fact]
    public async Task Key_Generate_PrintsTheRecordToPublish_AndListShowsItPending()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        string output = await _cli.Ok("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519");
        Assert.Contains("s1._domainkey.example.com: ed25519-sha256", output);
        Assert.Contains("s1._domainkey.example.com. 3600 IN TXT", output);
        Assert.Contains("signet key activate", output);
        Assert.DoesNotContain("PRIVATE", output);
        Assert.Matches("^s1\tpending\ted25519-sha256 256\ts1._domainkey.example.com\t[0-9a-f-]{36}\tDNS not checked yet\n$", await _cli.Ok("key", "list", "--domain", "example.com"));
    }

    [Theory]
    [InlineData("value", "s1._domainkey.example.com\nv=DKIM1; k=ed25519; p=")]
    [InlineData("quoted", "s1._domainkey.example.com\n\"v=DKIM1; k=ed25519; p=")]
    [InlineData("escaped", "s1._domainkey.example.com\n\"v=DKIM1\\; k=ed25519\\; p=")]
    [InlineData("zone", "s1._domainkey.example.com. 3600 IN TXT")]
    [InlineData("json", "\"name\":")]
    public async Task Key_Dns_PrintsEveryStoredKeyInTheFormat(string format, string expected)
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        await _cli.Ok("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519");
        await _cli.Ok("key", "generate", "--domain", "example.com", "--selector", "s2", "--algorithm", "ed25519");
        string output = await _cli.Ok("key", "dns", "--domain", "example.com", "--format", format);
        Assert.Contains(expected, output);
        Assert.Contains("s2._domainkey.example.com", output);
    }

    [Fact]
    public async Task Key_Lifecycle_ForceActivateRetireRevokeDelete()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        await _cli.Ok("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519");
        var activated = await _cli.Run("key", "activate", "--domain", "example.com", "--selector", "s1", "--force");
        Assert.Equal(0, activated.ExitCode);
        Assert.Contains("receivers fail its signatures", activated.Error);
        var revokeActive = await _cli.Run("key", "revoke", "--domain", "example.com", "--selector", "s1");
        Assert.Equal(1, revokeActive.ExitCode);
        Assert.Contains("retire it first", revokeActive.Error);
        Assert.Contains("retired", await _cli.Ok("key", "retire", "--domain", "example.com", "--selector", "s1"));
        Assert.Contains("p=\"", (await _cli.Ok("key", "revoke", "--domain", "example.com", "--selector", "s1")).Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.Contains("deleted", await _cli.Ok("key", "delete", "--domain", "example.com", "--selector", "s1"));
        Assert.Equal(string.Empty, await _cli.Ok("key", "list", "--domain", "example.com"));
    }

    [Fact]
    public async Task Key_ImportThenExport_GivesBackTheSameKey_AndSaysItIsASecret()
    {
        using var original = DkimKeyGenerator.Generate(Signet.Dkim.DkimKeyType.Rsa, 2048);
        string file = _cli.File("imported.pem");
        await File.WriteAllTextAsync(file, original.ExportPkcs8Pem());
        await _cli.Ok("key", "import", "--server", "--selector", "srv1", "--key", file);
        var export = await _cli.Run("key", "export", "--server", "--selector", "srv1");
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("secret", export.Error);
        Assert.True(DkimPrivateKeyReader.TryRead(export.Output, out var exported, out string error), error);
        using (exported)
        {
            Assert.Equal(original.PublicKey.ExportRecordData(), exported.PublicKey.ExportRecordData());
        }

        string outFile = _cli.File("exported.pem");
        var toFile = await _cli.Run("key", "export", "--server", "--selector", "srv1", "--out", outFile);
        Assert.Equal((0, 0), (toFile.ExitCode, toFile.Output.Length));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(outFile));
    }

    [Fact]
    public async Task Key_Rotate_PrintsTheStepsAndRotationsListsIt()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        await _cli.Ok("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519");
        await _cli.Ok("key", "activate", "--domain", "example.com", "--selector", "s1", "--force");
        string steps = await _cli.Ok("key", "rotate", "--domain", "example.com", "--selector", "s1", "--new-selector", "s2");
        Assert.Contains("s2._domainkey.example.com. 3600 IN TXT", steps);
        Assert.Contains("signet key activate --domain example.com --selector s2", steps);
        Assert.Contains("WaitingForDns", await _cli.Ok("key", "rotations", "--domain", "example.com"));
        await _cli.Ok("key", "activate", "--domain", "example.com", "--selector", "s2", "--force");
        Assert.Contains("Switched", await _cli.Ok("key", "rotations", "--domain", "example.com"));
        Assert.Contains("s1\tretiring", await _cli.Ok("key", "list", "--domain", "example.com"));
    }

    [Theory]
    [InlineData("key", "generate", "--selector", "s1")]
    [InlineData("key", "generate", "--domain", "example.com", "--server", "--selector", "s1")]
    [InlineData("key", "activate", "--domain", "example.com", "--selector", "nope")]
    [InlineData("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "dsa")]
    [InlineData("key", "generate", "--domain", "example.com", "--selector", "s1", "--bits", "512")]
    [InlineData("key", "dns", "--domain", "example.com", "--format", "bind")]
    public async Task Key_UnusableArguments_ExitTwo(params string[] args)
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        var run = await _cli.Run(args);
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        Assert.False(string.IsNullOrWhiteSpace(run.Error));
    }

    public void Dispose() => _cli.Dispose();
}
