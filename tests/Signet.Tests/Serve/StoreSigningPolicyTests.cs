using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Signet.Dkim.Messages;
using Signet.Mail.Policy;
using Signet.Serve;
using Signet.Store;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>The milter's store-backed signing policy: the From domain's keys, the server key, nothing, and
/// "unavailable" (not "nothing to sign") when the store fails.</summary>
public sealed class StoreSigningPolicyTests
{
    [Theory]
    [InlineData("Alice <alice@example.com>", "example.com")]
    [InlineData("carol@other.example", ServeKeys.HostName)]
    public async Task Decide_FromDomain_SignsWithTheKeysTheStoreNames(string from, string signingDomain)
    {
        using var data = new TemporaryDirectory();
        await ServeKeys.SetUpAsync(data.Path, ["example.com"], serverKey: true);
        await using var store = await OpenAsync(data.Path);
        using var snapshots = new SigningSnapshotCache(store, TimeSpan.FromSeconds(2));

        var decision = await Policy(snapshots).DecideAsync(Context(from), CancellationToken.None);

        Assert.True(decision.IsAvailable);
        var request = Assert.Single(decision.Requests);
        Assert.Equal(signingDomain, request.SigningDomain);
        Assert.Equal("s1", request.Selector);
    }

    [Fact]
    public async Task Decide_NotOurDomainAndNoServerKey_SignsNothing()
    {
        using var data = new TemporaryDirectory();
        await ServeKeys.SetUpAsync(data.Path, ["example.com"], serverKey: false);
        await using var store = await OpenAsync(data.Path);
        using var snapshots = new SigningSnapshotCache(store, TimeSpan.FromSeconds(2));

        var decision = await Policy(snapshots).DecideAsync(Context("carol@other.example"), CancellationToken.None);

        Assert.True(decision.IsAvailable);
        Assert.Empty(decision.Requests);
    }

    [Fact]
    public async Task Decide_StoreFails_IsUnavailableSoTheFailureActionApplies()
    {
        var failing = DispatchProxy.Create<ISignetStore, FailingStore>();
        using var snapshots = new SigningSnapshotCache(failing, TimeSpan.FromSeconds(2));

        var decision = await Policy(snapshots).DecideAsync(Context("Alice <alice@example.com>"), CancellationToken.None);

        Assert.False(decision.IsAvailable);
        Assert.Contains("database is locked", decision.Explanation, StringComparison.Ordinal);
    }

    private static StoreSigningPolicy Policy(SigningSnapshotCache snapshots) => new(snapshots, NullLogger<StoreSigningPolicy>.Instance);

    private static MailSigningContext Context(string from) =>
        new(new DkimMessageHeader([DkimHeaderField.Create("From", " " + from), DkimHeaderField.Create("Subject", " hi")]), "Q1", null, null, null);

    private static async Task<SignetStore> OpenAsync(string data)
    {
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = data }, CancellationToken.None);
        return opened.Value ?? throw new InvalidOperationException(opened.Error!.Message);
    }

    /// <summary>A store whose every call fails, as a database that went away.</summary>
    public class FailingStore : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("database is locked");
    }
}
