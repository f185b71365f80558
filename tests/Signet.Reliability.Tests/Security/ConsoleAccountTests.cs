using System.Net;
using System.Text.RegularExpressions;
using Signet.Store.Access;

namespace Signet.Reliability.Tests.Security;

/// <summary>Your account in the console: changing your own password ends your other sessions, and a domain admin
/// creates, sees and revokes their own API tokens (and nobody else's).</summary>
public sealed partial class ConsoleAccountTests
{
    private const string NewPassword = "dana's brand new passphrase";

    [Fact]
    public async Task ChangePassword_WithTheCurrentOne_EndsTheOtherSessionAndKeepsThisOne()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var here = await ConsoleSession.SignedInAsync(world.Address, "dana");
        using var elsewhere = await ConsoleSession.SignedInAsync(world.Address, "dana");

        using var changed = await here.PostFormAsync("/account/password", new() { ["current"] = SecurityWorld.Password, ["password"] = NewPassword, ["confirm"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync(new Uri("/account", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.Client.GetAsync(new Uri("/account", UriKind.Relative))).StatusCode);
        Assert.NotNull((await world.Store.AuthenticatePasswordAsync("dana", NewPassword, CancellationToken.None)).Value);
    }

    [Theory]
    [InlineData("not the password", NewPassword, NewPassword, "current password is not right")]
    [InlineData(SecurityWorld.Password, NewPassword, "something else entirely", "not the same")]
    [InlineData(SecurityWorld.Password, "dana", "dana", "at least 12")]
    [InlineData(SecurityWorld.Password, "password1234", "password1234", "most common passwords")]
    public async Task ChangePassword_Refused_SaysWhyAndChangesNothing(string current, string password, string confirm, string reason)
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");

        using var refused = await session.PostFormAsync("/account/password", new() { ["current"] = current, ["password"] = password, ["confirm"] = confirm });
        Assert.True(refused.StatusCode == HttpStatusCode.Redirect, $"{refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");
        string page = await session.Client.GetStringAsync(refused.Headers.Location!.OriginalString);

        Assert.Contains(reason, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.NotNull((await world.Store.AuthenticatePasswordAsync("dana", SecurityWorld.Password, CancellationToken.None)).Value);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("a long enough\0password")]
    public async Task ChangePassword_UnreadableForm_Is400NotAServerError(string password)
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");

        using var refused = await session.PostFormAsync("/account/password", new() { ["current"] = SecurityWorld.Password, ["password"] = password, ["confirm"] = password });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull((await world.Store.AuthenticatePasswordAsync("dana", SecurityWorld.Password, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task DomainAdmin_CreatesListsAndRevokesTheirOwnToken()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");

        using var created = await session.PostFormAsync("/account/tokens", new() { ["description"] = "dns script", ["expiresInDays"] = "30" });
        string secret = WebUtility.HtmlDecode(Secret().Match(await created.Content.ReadAsStringAsync()).Value);
        Assert.StartsWith("sgt_", secret, StringComparison.Ordinal);
        string account = await session.Client.GetStringAsync(new Uri("/account", UriKind.Relative));
        Assert.Contains(secret[..12] + "…", account, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[12..], account, StringComparison.Ordinal);
        var dana = (await world.Store.AuthenticateTokenAsync(secret, CancellationToken.None)).Value!;
        var token = (await world.Store.ListTokensAsync(dana, CancellationToken.None)).Value!.Single(t => t.Description == "dns script");
        Assert.NotNull(token.ExpiresAt);

        using var revoked = await session.PostFormAsync($"/account/tokens/{token.Id}/revoke", []);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Null((await world.Store.AuthenticateTokenAsync(secret, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task DomainAdmin_RevokingAnotherUsersToken_IsRefusedAndTheTokenStillWorks()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");
        var olgasToken = (await world.Store.ListTokensAsync(Actor.LocalAdministrator, CancellationToken.None)).Value!.Single(t => t.UserName == "olga");

        using var refused = await session.PostFormAsync($"/account/tokens/{olgasToken.Id}/revoke", []);
        string page = await session.Client.GetStringAsync(refused.Headers.Location!.OriginalString);

        Assert.Contains("there is no token", page, StringComparison.Ordinal);
        Assert.NotNull((await world.Store.AuthenticateTokenAsync(world.Tokens[Caller.OtherDomainAdmin], CancellationToken.None)).Value);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    [InlineData("<script>")]
    public async Task CreateToken_HostileExpiry_IsRefusedWithoutAToken(string days)
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = await ConsoleSession.SignedInAsync(world.Address, "dana");

        using var refused = await session.PostFormAsync("/account/tokens", new() { ["description"] = "x", ["expiresInDays"] = days });

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var dana = (await world.Store.AuthenticateTokenAsync(world.Tokens[Caller.OwnDomainAdmin], CancellationToken.None)).Value!;
        Assert.Single((await world.Store.ListTokensAsync(dana, CancellationToken.None)).Value!);
    }

    [GeneratedRegex("sgt_[A-Za-z0-9_-]{40,}")]
    private static partial Regex Secret();
}
