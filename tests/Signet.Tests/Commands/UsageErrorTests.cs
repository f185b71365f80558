using Signet.Testing;

namespace Signet.Tests.Commands;

/// <summary>What System.CommandLine refuses reaches the user as scripts expect it: one line on stderr, prefixed with
/// the command, naming the option, and exit 2; hostile arguments are values, never files to read or escapes to print.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    [Theory]
    [InlineData("keygen --frob", "signet keygen: unknown option --frob")]
    [InlineData("keygen --frob=1 --out x", "signet keygen: unknown option --frob")]
    [InlineData("keygen --out", "signet keygen: --out needs a value")]
    [InlineData("keygen --algorithm ed25519", "signet keygen: --out is required")]
    [InlineData("keygen --out a --out b", "signet keygen: --out was given more than once")]
    [InlineData("keygen --out a stray", "signet keygen: unexpected argument \"stray\"")]
    [InlineData("keygen -- --out a", "signet keygen: unexpected argument \"--\"")]
    [InlineData("keygen --algorithm dsa --out a", "signet keygen: --algorithm dsa: expected rsa or ed25519")]
    [InlineData("dns-record --key k --domain example.com --format yaml", "signet dns-record: --format yaml: expected value, quoted, escaped, zone or json")]
    [InlineData("verify --json=yes", "signet verify: unknown option --json")]
    [InlineData("domain", "signet domain: say what to do: signet domain add|list|set|remove (signet domain --help for examples)")]
    [InlineData("domain frob", "signet domain: unknown action \"frob\": use one of add|list|set|remove")]
    [InlineData("domain add", "signet domain: --domain is required")]
    [InlineData("domain list --domain example.com", "signet domain: unknown option --domain")]
    [InlineData("domain set --domain example.com --signing maybe", "signet domain: --signing maybe: expected on or off")]
    [InlineData("user add --name dana --role root", "signet user: --role root: expected server-admin or domain-admin")]
    [InlineData("config check", "signet config: usage: signet config check FILE")]
    [InlineData("config check a b", "signet config: usage: signet config check FILE")]
    public async Task UsageError_IsOneLineNamingTheProblem_ExitTwo(string line, string expected)
    {
        var run = await CliRun.Run(line.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected + "\n", run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task ResponseFile_IsAValue_NotArgumentsReadFromIt()
    {
        string file = _temp.File("arguments");
        await File.WriteAllTextAsync(file, "--domain example.com\n");

        var run = await CliRun.Run("domain", "add", "@" + file, "--data", _temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"signet domain: unexpected argument \"@{file}\"\n", run.Error);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "signet.db")));
    }

    [Fact]
    public async Task UnknownOption_WithTerminalEscapes_IsPrintedHarmless()
    {
        var run = await CliRun.Run("keygen", "--out", _temp.File("k.pem"), "--\u001b]0;owned\u0007");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task ValueThatLooksLikeAnOption_IsTakenAsTheValue()
    {
        // As before: the word after an option that takes a value is its value, even one starting with a dash.
        var run = await CliRun.Run("dns-record", "--key", "-", "--domain", "example.com");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("signet dns-record: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown option", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ED25519")]
    [InlineData("ed25519-sha256")]
    [InlineData("rsa-sha256")]
    public async Task KeygenAlgorithm_OtherSpellingsThanTheSuggestedValues_StillAccepted(string algorithm)
    {
        string key = _temp.File("key.pem");

        var run = await CliRun.Run("keygen", "--algorithm", algorithm, "--out", key);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(key));
    }

    [Fact]
    public async Task HelpAnywhere_PrintsTheHelpInsteadOfAnError()
    {
        var run = await CliRun.Run("domain", "add", "--frob", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Usage: signet domain ", run.OutputText, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
