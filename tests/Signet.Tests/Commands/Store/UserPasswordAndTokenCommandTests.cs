using Signet.Store;

namespace Signet.Tests.Commands.Store;

/// <summary><c>signet user password</c> (the way back in when the last server admin forgot their password) and
/// <c>signet token list|revoke</c> and <c>create --expires-in-days</c>, on the local store.</summary>
public sealed class UserPasswordAndTokenCommandTests : IDisposable
{
    private readonly StoreCli _cli = new();

    [Fact]
    public async Task UserPassword_ForgottenServerAdmin_CanSignInWithTheNewPasswordOnly()
    {
        await _cli.RunWithInput("the forgotten password\n", "user", "add", "--name", "sam", "--role", "server-admin");

        var run = await _cli.RunWithInput("the recovered password\n", "user", "password", "--name", "sam");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("set a new password for sam", run.OutputText, StringComparison.Ordinal);
        await using var store = await OpenAsync();
        Assert.Null((await store.AuthenticatePasswordAsync("sam", "the forgotten password", CancellationToken.None)).Value);
        Assert.NotNull((await store.AuthenticatePasswordAsync("sam", "the recovered password", CancellationToken.None)).Value);
    }

    [Theory]
    [InlineData("sam-the-admin\n", "user name")]
    [InlineData("password1234\n", "most common passwords")]
    [InlineData("short\n", "at least 12")]
    public async Task UserPassword_WeakPassword_ExitsTwoWithTheReason(string password, string reason)
    {
        await _cli.RunWithInput("a long enough password\n", "user", "add", "--name", "sam-the-admin", "--role", "server-admin");

        var run = await _cli.RunWithInput(password, "user", "password", "--name", "sam-the-admin");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserPassword_UnknownUser_ExitsTwo()
    {
        var run = await _cli.RunWithInput("a long enough password\n", "user", "password", "--name", "nobody");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("there is no user nobody", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_ListThenRevoke_TheTokenStopsWorking()
    {
        await _cli.RunWithInput("a long enough password\n", "user", "add", "--name", "sam", "--role", "server-admin");
        string secret = (await _cli.Ok("token", "create", "--user", "sam", "--description", "dns script", "--expires-in-days", "30")).Trim();

        string list = await _cli.Ok("token", "list", "--user", "sam");

        var fields = Assert.Single(list.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Split('\t');
        Assert.Equal("sam", fields[1]);
        Assert.Equal(secret[..12] + "…", fields[2]);
        Assert.Equal("never-used", fields[4]);
        Assert.NotEqual("no-expiry", fields[5]);
        Assert.Equal("dns script", fields[6]);
        Assert.DoesNotContain(secret[12..], list, StringComparison.Ordinal);
        Assert.Contains("revoked", await _cli.Ok("token", "revoke", "--id", fields[0]));
        await using var store = await OpenAsync();
        Assert.Null((await store.AuthenticateTokenAsync(secret, CancellationToken.None)).Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("3651")]
    [InlineData("1e3")]
    [InlineData("30 days")]
    public async Task TokenCreate_BadExpiry_ExitsTwo(string days)
    {
        await _cli.RunWithInput("a long enough password\n", "user", "add", "--name", "sam", "--role", "server-admin");

        var run = await _cli.Run("token", "create", "--user", "sam", "--expires-in-days", days);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--expires-in-days", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.OutputText);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("' OR 1=1 --")]
    public async Task TokenRevoke_BadId_ExitsTwo(string id)
    {
        var run = await _cli.Run("token", "revoke", "--id", id);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--id", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private async Task<SignetStore> OpenAsync()
    {
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = _cli.Data }, CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        return opened.Value!;
    }
}
