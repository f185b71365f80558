namespace Signet.Tests.Commands.Store;

public sealed class DomainCommandTests : IDisposable
{
    private readonly StoreCli _cli = new();

    [Fact]
    public async Task Domain_AddSetListRemove_RoundTrip()
    {
        Assert.Contains("added example.com", await _cli.Ok("domain", "add", "--domain", "Example.COM"));
        Assert.Contains("example.com\tsigning turned off\tsubdomains own", await _cli.Ok("domain", "set", "--domain", "example.com", "--signing", "off", "--subdomains", "own"));
        Assert.Equal("example.com\tnot signing: signing is turned off for this domain\tsubdomains own\n", await _cli.Ok("domain", "list"));
        Assert.Contains("removed example.com", await _cli.Ok("domain", "remove", "--domain", "example.com"));
        Assert.Equal(string.Empty, await _cli.Ok("domain", "list"));
    }

    // Upper-case U-labels are the same domain: "BÜCHER.example" used to become xn--bcher-2pa, a second entry.
    [Theory]
    [InlineData("BÜCHER.EXAMPLE")]
    [InlineData("Bücher.Example.")]
    [InlineData("xn--bcher-kva.example")]
    public async Task DomainAdd_SpellingsOfOneIdn_AreOneDomain(string spelling)
    {
        await _cli.Ok("domain", "add", "--domain", "bücher.example");

        await _cli.Run("domain", "add", "--domain", spelling);

        Assert.Equal("xn--bcher-kva.example (bücher.example)", (await _cli.Ok("domain", "list")).Split('\t')[0]);
        Assert.Single((await _cli.Ok("domain", "list")).TrimEnd('\n').Split('\n'));
    }

    // "signing on" with no key was untrue: only an active key signs the next message.
    [Fact]
    public async Task DomainList_SaysSigningOnlyOnceAKeyIsActive_AndShowsUnicodeBesideALabels()
    {
        await _cli.Ok("domain", "add", "--domain", "bücher.example");
        Assert.Equal("xn--bcher-kva.example (bücher.example)\tnot signing: no key — generate one, publish its record, then activate\tsubdomains parent\n",
            await _cli.Ok("domain", "list"));
        await _cli.Ok("key", "generate", "--domain", "bücher.example", "--selector", "s1", "--algorithm", "ed25519");
        Assert.Contains("not signing: no active key — publish s1, then activate", await _cli.Ok("domain", "list"));
        await _cli.Ok("key", "activate", "--domain", "bücher.example", "--selector", "s1", "--force");
        Assert.Contains("\tsigning: signs with s1\t", await _cli.Ok("domain", "list"));
    }

    [Fact]
    public async Task Domain_AddTwiceStrict_ExitsOneWithTheReason()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        var run = await _cli.Run("domain", "add", "--domain", "example.com", "--strict");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("signet domain add: ", run.Error);
        Assert.Contains("example.com", run.Error);
    }

    [Theory]
    [InlineData("domain", "add", "--domain", "not a domain")]
    [InlineData("domain", "remove", "--domain", "not..a.domain")]
    [InlineData("domain", "set", "--domain", "example.com", "--signing", "maybe")]
    [InlineData("domain", "frobnicate")]
    [InlineData("domain")]
    [InlineData("domain", "add")]
    public async Task Domain_UnusableArguments_ExitTwoWithOneLine(params string[] args)
    {
        var run = await _cli.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Domain_DataFromEnvironment_IsUsedWithoutDataOption()
    {
        Environment.SetEnvironmentVariable("SIGNET_DATA", _cli.Data);
        try
        {
            var run = await CliRun.Run("domain", "add", "--domain", "env.example");
            Assert.Equal(0, run.ExitCode);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SIGNET_DATA", null);
        }

        Assert.Contains("env.example", await _cli.Ok("domain", "list"));
    }

    public void Dispose() => _cli.Dispose();
}
