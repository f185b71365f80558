using Signet.Store.Model;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Contract;

/// <summary>Passwords, API tokens and the audit of failed sign-ins, on every backend.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Password_ChangeOwn_NeedsTheCurrentOneAndEndsTheOtherSessions()
    {
        await using var h = await OpenAsync();
        var alice = await AddAliceAsync(h);
        Ok(await h.Store.StartSessionAsync(alice, "this-browser", SessionLifetime.Default, Token));
        Ok(await h.Store.StartSessionAsync(alice, "stolen-copy", SessionLifetime.Default, Token));

        var wrong = Fails(await h.Store.ChangeOwnPasswordAsync(alice, "not the password", "a brand new passphrase", "this-browser", Token), StoreErrorKind.Invalid);
        Assert.Contains("current password", wrong.Message, StringComparison.Ordinal);
        Assert.NotNull(Ok(await h.Store.ResumeSessionAsync("stolen-copy", Token)));

        Assert.True(Ok(await h.Store.ChangeOwnPasswordAsync(alice, AlicePassword, "a brand new passphrase", "this-browser", Token)));

        Assert.NotNull(Ok(await h.Store.ResumeSessionAsync("this-browser", Token)));
        Assert.Null(Ok(await h.Store.ResumeSessionAsync("stolen-copy", Token)));
        Assert.Null(Ok(await h.Store.AuthenticatePasswordAsync("alice", AlicePassword, Token)));
        Assert.NotNull(Ok(await h.Store.AuthenticatePasswordAsync("alice", "a brand new passphrase", Token)));
    }

    [Fact]
    public async Task Password_ResetByAServerAdmin_EndsEverySessionOfThatUser_AndIsForbiddenToDomainAdmins()
    {
        await using var h = await OpenAsync();
        var alice = await AddAliceAsync(h);
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddUserAsync(Admin, "dana", UserRole.DomainAdmin, AlicePassword, ["example.com"], Token));
        var dana = Ok(await h.Store.AuthenticatePasswordAsync("dana", AlicePassword, Token))!;
        Ok(await h.Store.StartSessionAsync(dana, "dana-session", SessionLifetime.Default, Token));

        Fails(await h.Store.ResetPasswordAsync(dana, alice.UserId, "dana takes over alice", null, Token), StoreErrorKind.Forbidden);
        Assert.True(Ok(await h.Store.ResetPasswordAsync(alice, dana.UserId, "dana's new long password", "dana-session", Token)));

        // The kept session is the acting admin's own only: dana's session ends even though its id was passed.
        Assert.Null(Ok(await h.Store.ResumeSessionAsync("dana-session", Token)));
        Assert.NotNull(Ok(await h.Store.AuthenticatePasswordAsync("dana", "dana's new long password", Token)));
        Assert.Contains(Ok(await h.Store.ListAuditAsync(Admin, 10, Token)), a => a.Action == "user.password" && a.Target == "dana");
    }

    [Theory]
    [InlineData("short", "at least 12 characters")]
    [InlineData("alice-the-admin", "user name")]
    [InlineData("ALICE-THE-ADMIN", "user name")]
    [InlineData("password1234", "most common passwords")]
    [InlineData("QwErTy123456", "most common passwords")]
    [InlineData("1q2w3e4r5t6y", "most common passwords")]
    [InlineData("\0\0\0\0\0\0\0\0\0\0\0\0", "control characters")]
    [InlineData("a long enough\r\npassword", "control characters")]
    public async Task Password_WeakOnAddOrChange_IsRefusedWithTheReason(string password, string reason)
    {
        await using var h = await OpenAsync();
        var added = Fails(await h.Store.AddUserAsync(Admin, "alice-the-admin", UserRole.ServerAdmin, password, [], Token), StoreErrorKind.Invalid);
        Assert.Contains(reason, added.Message, StringComparison.Ordinal);
        var user = Ok(await h.Store.AddUserAsync(Admin, "alice-the-admin", UserRole.ServerAdmin, AlicePassword, [], Token));
        var changed = Fails(await h.Store.ResetPasswordAsync(Admin, user.Id, password, null, Token), StoreErrorKind.Invalid);
        Assert.Contains(reason, changed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_ListedWithoutTheirSecret_AndRevokedOnesStopWorking()
    {
        await using var h = await OpenAsync();
        var alice = await AddAliceAsync(h);
        string secret = Ok(await h.Store.CreateTokenAsync(alice, alice.UserId, "deploy", Token));
        var listed = Assert.Single(Ok(await h.Store.ListTokensAsync(alice, Token)));
        Assert.Equal(("alice", "deploy", secret[..12], null), (listed.UserName, listed.Description, listed.Prefix, listed.LastUsedAt));
        Assert.DoesNotContain(secret[12..], listed.ToString(), StringComparison.Ordinal);

        Assert.Equal(alice.UserId, Ok(await h.Store.CheckTokenAsync(secret, Token)).Actor!.UserId);
        Assert.NotNull(Assert.Single(Ok(await h.Store.ListTokensAsync(alice, Token))).LastUsedAt);
        Assert.True(Ok(await h.Store.RevokeTokenAsync(alice, listed.Id, Token)));

        var check = Ok(await h.Store.CheckTokenAsync(secret, Token));
        Assert.Null(check.Actor);
        Assert.Contains("revoked", check.Refusal, StringComparison.Ordinal);
        Assert.Empty(Ok(await h.Store.ListTokensAsync(alice, Token)));
        Assert.Contains(Ok(await h.Store.ListAuditAsync(Admin, 10, Token)), a => a.Action == "token.revoke");
    }

    [Fact]
    public async Task Tokens_PastTheirExpiry_AreRefusedWithTheDate()
    {
        await using var h = await OpenAsync();
        var alice = await AddAliceAsync(h);
        Fails(await h.Store.CreateTokenAsync(alice, alice.UserId, "past", h.Time.GetUtcNow().AddSeconds(-1), Token), StoreErrorKind.Invalid);
        string secret = Ok(await h.Store.CreateTokenAsync(alice, alice.UserId, "ci", h.Time.GetUtcNow().AddDays(1), Token));
        Assert.NotNull(Ok(await h.Store.AuthenticateTokenAsync(secret, Token)));

        h.Time.Advance(TimeSpan.FromDays(1));

        var check = Ok(await h.Store.CheckTokenAsync(secret, Token));
        Assert.Null(check.Actor);
        Assert.Contains("expired on", check.Refusal, StringComparison.Ordinal);
        Assert.Null(Ok(await h.Store.AuthenticateTokenAsync(secret, Token)));
    }

    [Fact]
    public async Task Tokens_DomainAdmin_SeesAndRevokesOnlyTheirOwn()
    {
        await using var h = await OpenAsync();
        var alice = await AddAliceAsync(h);
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        Ok(await h.Store.AddUserAsync(Admin, "dana", UserRole.DomainAdmin, AlicePassword, ["example.com"], Token));
        var dana = Ok(await h.Store.AuthenticatePasswordAsync("dana", AlicePassword, Token))!;
        Ok(await h.Store.CreateTokenAsync(alice, alice.UserId, "alice's", Token));
        Ok(await h.Store.CreateTokenAsync(dana, dana.UserId, "dana's", Token));

        var seen = Ok(await h.Store.ListTokensAsync(dana, Token));
        var alicesToken = Ok(await h.Store.ListTokensAsync(alice, Token)).Single(t => t.UserName == "alice");

        Assert.Equal(["dana's"], seen.Select(t => t.Description));
        Fails(await h.Store.RevokeTokenAsync(dana, alicesToken.Id, Token), StoreErrorKind.NotFound);
        Assert.Equal(2, Ok(await h.Store.ListTokensAsync(alice, Token)).Count);
    }

    [Fact]
    public async Task Audit_AFloodOfFailedSignIns_IsOneCountedRowPerNameAndAddress_AndRealActionsStayOnThePage()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        for (int i = 0; i < 30; i++)
        {
            Assert.Null(Ok(await h.Store.AuthenticatePasswordAsync("root", "guess " + i, "192.0.2.7", Token)));
        }

        Assert.Null(Ok(await h.Store.AuthenticatePasswordAsync("root", "guess", "198.51.100.1", Token)));
        h.Time.Advance(SignetStore.FailedSignInAuditWindow);
        Assert.Null(Ok(await h.Store.AuthenticatePasswordAsync("root", "later", "192.0.2.7", Token)));

        var page = Ok(await h.Store.ListAuditAsync(Admin, 4, Token));

        Assert.Equal(["signin.failure", "signin.failure", "signin.failure", "domain.add"], page.Select(a => a.Action));
        Assert.Equal([1L, 1L, 30L], page.Take(3).Select(a => a.Count));
        Assert.Equal(["192.0.2.7", "198.51.100.1", "192.0.2.7"], page.Take(3).Select(a => a.Address));
        Assert.Contains("from 192.0.2.7", page[2].Detail, StringComparison.Ordinal);
    }
}
