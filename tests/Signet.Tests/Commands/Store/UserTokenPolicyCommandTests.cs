using System.Text;

namespace Signet.Tests.Commands.Store;

public sealed class UserTokenPolicyCommandTests : IDisposable
{
    private readonly StoreCli _cli = new();

    [Fact]
    public async Task User_AddFromPasswordFileAndStdin_ListRemove()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        string passwordFile = _cli.File("dana.password");
        await File.WriteAllTextAsync(passwordFile, "a long enough password\n");
        Assert.Contains("dana\tdomain-admin\texample.com", await _cli.Ok("user", "add", "--name", "dana", "--domain", "example.com", "--password-file", passwordFile));
        var fromStdin = await _cli.RunWithInput("another long password\n", "user", "add", "--name", "sam", "--role", "server-admin");
        Assert.True(fromStdin.ExitCode == 0, fromStdin.Error);
        string list = await _cli.Ok("user", "list");
        Assert.Contains("sam\tserver-admin\t-", list);
        Assert.Contains("removed dana", await _cli.Ok("user", "remove", "--name", "dana"));
        Assert.DoesNotContain("dana", await _cli.Ok("user", "list"));
    }

    [Fact]
    public async Task User_PasswordAsArgument_IsNotAnOption()
    {
        var run = await _cli.Run("user", "add", "--name", "dana", "--password", "secret");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option --password", run.Error);
    }

    [Fact]
    public async Task User_NoPassword_ExitsTwo()
    {
        var run = await _cli.Run("user", "add", "--name", "dana");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no password", run.Error);
    }

    [Fact]
    public async Task Token_Create_PrintsItOnce_OnStdout()
    {
        await _cli.RunWithInput("a long enough password\n", "user", "add", "--name", "sam", "--role", "server-admin");
        var run = await _cli.Run("token", "create", "--user", "sam", "--description", "automation");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches("^sgt_[A-Za-z0-9_-]{40,}\n$", run.OutputText);
        Assert.Contains("only time", run.Error);
        Assert.Equal(2, (await _cli.Run("token", "create", "--user", "nobody")).ExitCode);
    }

    [Fact]
    public async Task Policy_Explain_NamesTheKeyAndTheRule()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        await _cli.Ok("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519");
        await _cli.Ok("key", "activate", "--domain", "example.com", "--selector", "s1", "--force");
        string message = _cli.File("m.eml");
        await File.WriteAllTextAsync(message, "From: a@news.example.com\r\nSubject: x\r\n\r\nbody\r\n");
        string output = await _cli.Ok("policy", "explain", "--in", message);
        Assert.Contains("rule: ParentDomainKeys", output);
        Assert.Contains("signs as d=example.com (aligned with From)", output);
        Assert.Contains("s1._domainkey.example.com (ed25519-sha256", output);
        var foreign = await _cli.RunWithInput("From: a@elsewhere.example\r\n\r\n", "policy", "explain");
        Assert.Contains("not signed", foreign.OutputText);
    }

    [Fact]
    public async Task Policy_ExplainAs_SaysWhichUserMaySendAsWhichDomain()
    {
        await _cli.Ok("domain", "add", "--domain", "alpha.test");
        await _cli.Ok("domain", "add", "--domain", "beta.test");
        await _cli.Ok("key", "generate", "--domain", "beta.test", "--selector", "s1", "--algorithm", "ed25519");
        await _cli.Ok("key", "activate", "--domain", "beta.test", "--selector", "s1", "--force");
        await _cli.RunWithInput("alpha admin long password\n", "user", "add", "--name", "alice", "--domain", "alpha.test");
        await _cli.RunWithInput("beta admin long password\n", "user", "add", "--name", "bob", "--domain", "beta.test");
        string message = _cli.File("ceo.eml");
        await File.WriteAllTextAsync(message, "From: ceo@beta.test\r\nSubject: x\r\n\r\nbody\r\n");

        string asAlice = await _cli.Ok("policy", "explain", "--in", message, "--as", "alice");
        Assert.Contains("as alice: refused", asAlice, StringComparison.Ordinal);
        Assert.Contains("550 5.7.1", asAlice, StringComparison.Ordinal);
        Assert.DoesNotContain("signs as d=beta.test", asAlice, StringComparison.Ordinal);

        string asBob = await _cli.Ok("policy", "explain", "--in", message, "--as", "bob");
        Assert.Contains("as bob: may send it", asBob, StringComparison.Ordinal);
        Assert.Contains("signs as d=beta.test (aligned with From)", asBob, StringComparison.Ordinal);

        // A name Signet does not know is an MTA's own SASL user (the milter's {auth_authen}): the signing policy decides.
        string asNobody = await _cli.Ok("policy", "explain", "--in", message, "--as", "nobody");
        Assert.Contains("nobody is not a Signet user", asNobody, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
