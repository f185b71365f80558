using System.Globalization;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>The milter signs only what the MTA vouches for, and an authenticated user the store knows only for their
/// domains: real miltertest and a real Postfix in front of <c>signet serve</c>.</summary>
[Trait("Tier", "Integration")]
public sealed class ServeMilterTrustTests
{
    private const string Password = "correct horse battery staple";

    [Theory]
    [InlineData("alice", "ceo@beta.test", "reject")]
    [InlineData("alice", "news@alpha.test", "sign")]
    [InlineData("root", "ceo@beta.test", "sign")]
    [InlineData("dovecot-only", "ceo@beta.test", "sign")]
    public async Task Milter_AuthenticatedSender_IsSignedOnlyForTheirDomains(string user, string from, string expect)
    {
        using var data = new TemporaryDirectory();
        await ServeKeys.SetUpAsync(data.Path, ["alpha.test", "beta.test"], serverKey: false);
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = data.Path }, CancellationToken.None);
        await using (var store = opened.Value ?? throw new InvalidOperationException(opened.Error!.Message))
        {
            Assert.True((await store.AddUserAsync(Actor.LocalAdministrator, "alice", UserRole.DomainAdmin, Password, ["alpha.test"], CancellationToken.None)).Succeeded);
            Assert.True((await store.AddUserAsync(Actor.LocalAdministrator, "root", UserRole.ServerAdmin, Password, [], CancellationToken.None)).Succeeded);
        }

        await using var serve = await ServeProcess.StartAsync(data.Path, ["--hostname", ServeKeys.HostName]);

        var (code, output) = await ExternalTools.RunAsync("/usr/bin/miltertest", TimeSpan.FromSeconds(60), "-v",
            "-D", "port=" + serve.MilterPort.ToString(CultureInfo.InvariantCulture), "-D", "user=" + user, "-D", "from=" + from,
            "-D", "expect=" + expect, "-s", ExternalTools.Script("authorization.lua"));

        Assert.True(code == 0, output + "\nserve:\n" + serve.Output);
        Assert.Contains(expect == "reject" ? "REFUSED" : "SIGNED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postfix_MailSubmittedWithSendmail_IsSignedBecausePostfixAnnouncesItAsLoopback()
    {
        await using var flow = await MailFlow.StartAsync(["example.com"], serverKey: false);
        string message = MailFlow.Message("Alice <alice@example.com>", "submitted with sendmail(1)");

        var (code, output) = await ExternalTools.RunAsync("/bin/sh", TimeSpan.FromSeconds(60), "-c",
            $"printf '%s' \"$0\" | /usr/sbin/sendmail -C '{flow.Postfix.ConfigDirectory}' -t -i", message);

        Assert.True(code == 0, output);
        var received = await flow.ReceivedAsync("submitted with sendmail(1)", TimeSpan.FromSeconds(60));
        Assert.StartsWith("DKIM-Signature:", received.Text, StringComparison.Ordinal);
        Assert.Contains("d=example.com;", received.Text, StringComparison.Ordinal);
    }
}
