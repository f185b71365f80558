using Signet.Store;

namespace Signet.Tests.Commands.Store;

/// <summary><c>signet server</c> (host name, server-wide signing), <c>signet audit list</c> and <c>signet user
/// domains</c>: the console's actions that had no command.</summary>
public sealed class ServerAuditCommandTests : IDisposable
{
    private const string ForeignMail = "From: someone@elsewhere.example\r\nSubject: hi\r\n\r\nHello.\r\n";

    private readonly StoreCli _cli = new();

    [Fact]
    public async Task ServerSigning_TurnedOnFromTheCommandLine_PolicyExplainSignsWithTheServerKey()
    {
        await _cli.Ok("server", "set", "--host-name", "mx.signet.example");
        await _cli.Ok("key", "generate", "--server", "--selector", "srv1", "--algorithm", "ed25519");
        await _cli.Ok("key", "activate", "--server", "--selector", "srv1", "--force");
        Assert.Contains("server-wide signing\toff", await _cli.Ok("server", "show"));
        var before = await _cli.RunWithInput(ForeignMail, "policy", "explain");
        Assert.Contains("not signed", before.OutputText);

        var on = await _cli.Run("server", "set", "--signing", "on");

        Assert.True(on.ExitCode == 0, on.Error);
        Assert.Contains("server-wide signing\ton", on.OutputText);
        Assert.Contains("not aligned", on.Error);
        var after = await _cli.RunWithInput(ForeignMail, "policy", "explain");
        Assert.Contains("signs as d=mx.signet.example (NOT aligned with From)", after.OutputText);
        Assert.Contains("srv1._domainkey.mx.signet.example", after.OutputText);

        await _cli.Ok("server", "set", "--signing", "off");
        Assert.Contains("not signed", (await _cli.RunWithInput(ForeignMail, "policy", "explain")).OutputText);
    }

    [Theory]
    [InlineData("--signing", "yes", "expected on or off")]
    [InlineData("--signing", "", "expected on or off")]
    [InlineData("--host-name", "not a host name", "host")]
    [InlineData("--host-name", "mx.example.com\nInjected: header", "host")]
    [InlineData("--host-name", "", "host")]
    public async Task ServerSet_UnusableValues_ExitTwoWithTheReason(string option, string value, string reason)
    {
        var run = await _cli.Run("server", "set", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(run.OutputText);
    }

    [Fact]
    public async Task ServerSet_NothingToChange_ExitsTwo()
    {
        var run = await _cli.Run("server", "set");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nothing to change", run.Error);
    }

    [Fact]
    public async Task AuditList_ShowsWhatTheCommandsDid_NewestFirst()
    {
        await _cli.Ok("domain", "add", "--domain", "first.example");
        await _cli.Ok("domain", "add", "--domain", "second.example");

        string[] lines = (await _cli.Ok("audit", "list", "--limit", "2")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        Assert.Contains("second.example", lines[0]);
        Assert.Contains("first.example", lines[1]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public async Task AuditList_LimitOutOfRange_ExitsTwo(string limit)
    {
        var run = await _cli.Run("audit", "list", "--limit", limit);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("expected a whole number from 1 to 1000", run.Error);
    }

    [Fact]
    public async Task AuditList_ControlCharactersInTheLog_AreNotWrittenToTheTerminal()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        // A sign-in attempt is logged with the name typed, whatever it holds: the console's sign-in form is outside input.
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = _cli.Data }, CancellationToken.None);
        await using (var store = opened.Value!)
        {
            await store.AuthenticatePasswordAsync("evil\u001b]0;owned\u0007\tname\nInjected", "wrong password", "127.0.0.1", CancellationToken.None);
        }

        string log = await _cli.Ok("audit", "list");

        Assert.DoesNotContain('\u001b', log);
        Assert.DoesNotContain('\u0007', log);
        string[] lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("evil", StringComparison.Ordinal) && l.Contains("Injected", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.InRange(l.Count(c => c == '\t'), 4, 5));
    }

    [Fact]
    public async Task UserDomains_ReplacesTheDomainsOfADomainAdmin()
    {
        await _cli.Ok("domain", "add", "--domain", "one.example");
        await _cli.Ok("domain", "add", "--domain", "two.example");
        await _cli.RunWithInput("a long enough password\n", "user", "add", "--name", "dana", "--domain", "one.example");

        Assert.Contains("dana\tdomain-admin\ttwo.example", await _cli.Ok("user", "domains", "--name", "dana", "--domain", "two.example"));
        Assert.Contains("dana\tdomain-admin\t-", await _cli.Ok("user", "domains", "--name", "dana"));
        var unknown = await _cli.Run("user", "domains", "--name", "dana", "--domain", "nowhere.example");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("nowhere.example", unknown.Error);
    }

    public void Dispose() => _cli.Dispose();
}
