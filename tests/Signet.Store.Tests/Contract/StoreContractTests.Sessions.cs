using Signet.Store.Model;
using Signet.Store.Tests.Support;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Contract;

/// <summary>Console sessions in the store: they end when signed out, when idle or old, and when their user's password
/// changes or the user is removed.</summary>
public abstract partial class StoreContractTests
{
    private const string AlicePassword = "a long enough password";

    [Fact]
    public async Task Session_EndedAtSignOut_NoLongerResumes()
    {
        await using var h = await OpenAsync();
        var alice = await AddAliceAsync(h);
        Assert.True(Ok(await h.Store.StartSessionAsync(alice, "session-1", SessionLifetime.Default, Token)));
        Assert.Equal(alice.UserId, Ok(await h.Store.ResumeSessionAsync("session-1", Token))!.UserId);

        Assert.True(Ok(await h.Store.EndSessionAsync("session-1", Token)));

        Assert.Null(Ok(await h.Store.ResumeSessionAsync("session-1", Token)));
        Assert.False(Ok(await h.Store.EndSessionAsync("session-1", Token)));
    }

    [Fact]
    public async Task Session_KeptBusyPastItsAbsoluteLifetime_Ends()
    {
        await using var h = await OpenAsync();
        var alice = await AddAliceAsync(h);
        var lifetime = new SessionLifetime(TimeSpan.FromHours(8), TimeSpan.FromHours(12));
        Ok(await h.Store.StartSessionAsync(alice, "busy", lifetime, Token));
        for (int hour = 1; hour < 12; hour++)
        {
            h.Time.Advance(TimeSpan.FromHours(1));
            Assert.NotNull(Ok(await h.Store.ResumeSessionAsync("busy", Token)));
        }

        h.Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(Ok(await h.Store.ResumeSessionAsync("busy", Token)));
    }

    [Fact]
    public async Task Session_IdleLongerThanItsTimeout_Ends()
    {
        await using var h = await OpenAsync();
        var alice = await AddAliceAsync(h);
        Ok(await h.Store.StartSessionAsync(alice, "idle", new SessionLifetime(TimeSpan.FromHours(1), TimeSpan.FromHours(12)), Token));
        h.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(Ok(await h.Store.ResumeSessionAsync("idle", Token)));

        h.Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(Ok(await h.Store.ResumeSessionAsync("idle", Token)));
    }

    [Fact]
    public async Task Session_UserRemoved_EndsTheirSessions()
    {
        await using var h = await OpenAsync();
        var alice = await AddAliceAsync(h);
        Ok(await h.Store.StartSessionAsync(alice, "one", SessionLifetime.Default, Token));

        Ok(await h.Store.RemoveUserAsync(Admin, alice.UserId, Token));

        Assert.Null(Ok(await h.Store.ResumeSessionAsync("one", Token)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\0\r\n")]
    public async Task Session_UnknownOrHostileId_DoesNotResume(string sessionId)
    {
        await using var h = await OpenAsync();
        var alice = await AddAliceAsync(h);
        Ok(await h.Store.StartSessionAsync(alice, "real", SessionLifetime.Default, Token));

        Assert.Null(Ok(await h.Store.ResumeSessionAsync(sessionId, Token)));
        Assert.NotNull(Ok(await h.Store.ResumeSessionAsync("real", Token)));
    }

    private static async Task<global::Signet.Store.Access.Actor> AddAliceAsync(StoreHarness h)
    {
        Ok(await h.Store.AddUserAsync(Admin, "alice", UserRole.ServerAdmin, AlicePassword, [], Token));
        return Ok(await h.Store.AuthenticatePasswordAsync("alice", AlicePassword, Token))!;
    }
}
