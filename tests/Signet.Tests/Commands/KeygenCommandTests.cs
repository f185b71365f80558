using Signet.Testing;
namespace Signet.Tests.Commands;

public class KeygenCommandTests
{
    [Theory]
    [InlineData("rsa", "2048")]
    [InlineData("ed25519", null)]
    public async Task Keygen_WritesPkcs8PemReadableByOwnerOnly(string algorithm, string? bits)
    {
        using var temp = new TemporaryDirectory();
        string path = temp.File("key.pem");
        var args = new List<string> { "keygen", "--algorithm", algorithm, "--out", path };
        if (bits is not null)
        {
            args.AddRange(["--bits", bits]);
        }

        var run = await CliRun.Run([.. args]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Keygen_ExistingFile_IsNotReplacedWithoutForce()
    {
        using var temp = new TemporaryDirectory();
        string path = temp.File("key.pem");
        File.WriteAllText(path, "precious");

        var run = await CliRun.Run("keygen", "--out", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("already exists", run.Error);
        Assert.Equal("precious", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("512", "1024 to 4096")]
    [InlineData("8192", "1024 to 4096")]
    [InlineData("lots", "1024 to 4096")]
    public async Task Keygen_BadBits_ExitsTwoWithTheRule(string bits, string expected)
    {
        using var temp = new TemporaryDirectory();
        var run = await CliRun.Run("keygen", "--bits", bits, "--out", temp.File("k.pem"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
