using System.Net;
using Signet.Dns.Publishing;
using Signet.Testing;

namespace Signet.Dns.Tests.Publishing;

/// <summary>Hostile names and values, and answers no honest primary sends: each becomes a failure with its reason,
/// and nothing invalid is ever sent.</summary>
public sealed class Rfc2136PublisherHostileTests
{
    private const string Zone = "example.com";
    private const string Value = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    private static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public static TheoryData<string, string> HostileNames => new()
    {
        { "s1._domainkey.example.org", "not within the zone" },
        { "s1._domainkey.notexample.com", "not within the zone" },
        { "example.com.evil.test", "not within the zone" },
        { "", "empty" },
        { "s1.._domainkey.example.com", "empty label" },
        { new string('a', 64) + "._domainkey.example.com", "63" },
        { string.Join('.', Enumerable.Repeat("abcdefghi", 30)) + ".example.com", "253" },
        { "s1._domainkey.example.com\n.example.com", "character other than" },
        { "s1 ._domainkey.example.com", "character other than" },
        { "*._domainkey.example.com", "character other than" },
        { "s1._domainkey.exämple.com", "character other than" },
        { "s1\0._domainkey.example.com", "character other than" },
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task Publish_HostileName_FailsWithoutSendingAnything(string name, string expected)
    {
        await using var server = new ScriptedUpdateServer(ScriptedUpdateServer.EchoAsResponse);
        var publisher = Publisher(server.Endpoint);

        var results = new[]
        {
            await publisher.PublishAsync(name, Value, CancellationToken.None),
            await publisher.ReplaceAsync(name, "v=DKIM1; p=", CancellationToken.None),
            await publisher.UnpublishAsync(name, CancellationToken.None),
        };

        Assert.All(results, r => Assert.Equal(PublicationFailure.InvalidName, r.Failure));
        Assert.All(results, r => Assert.Contains(expected, r.Reason, StringComparison.Ordinal));
        Assert.Equal(0, server.Requests);
    }

    public static TheoryData<string, string> HostileValues => new()
    {
        { "v=DKIM1; p=" + new string('A', Rfc2136Publisher.MaximumValueBytes), "at most 4096" },
        { new string('x', 1_000_000), "at most 4096" },
        { "v=DKIM1; p=abc\r\nX-Injected: yes", "control" },
        { "v=DKIM1; p=abc\0def", "control" },
        { "v=DKIM1; n=héllo; p=abc", "non-ASCII" },
        { "v=DKIM1; p=abc\u202Edef", "non-ASCII" },
    };

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task Publish_HostileValue_FailsWithoutSendingAnything(string value, string expected)
    {
        await using var server = new ScriptedUpdateServer(ScriptedUpdateServer.EchoAsResponse);
        var publisher = Publisher(server.Endpoint);

        var published = await publisher.PublishAsync("s1._domainkey.example.com", value, CancellationToken.None);
        var replaced = await publisher.ReplaceAsync("s1._domainkey.example.com", value, CancellationToken.None);

        Assert.Equal(PublicationFailure.InvalidValue, published.Failure);
        Assert.Equal(PublicationFailure.InvalidValue, replaced.Failure);
        Assert.Contains(expected, published.Reason, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task Publish_AnswerWithWrongTsig_IsNotTakenAsSuccess()
    {
        await using var server = new ScriptedUpdateServer(ScriptedUpdateServer.EchoAsResponse);

        var result = await Publisher(server.Endpoint).PublishAsync("s1._domainkey.example.com", Value, CancellationToken.None);

        Assert.Equal(PublicationFailure.ResponseNotAuthenticated, result.Failure);
        Assert.Contains("does not verify", result.Reason, StringComparison.Ordinal);
        Assert.True(result.IsTemporary, result.Reason);
    }

    [Fact]
    public async Task Publish_UnsignedNoErrorAnswer_IsNotAuthenticated()
    {
        await using var server = new ScriptedUpdateServer(request => ScriptedUpdateServer.Unsigned(request, 0));

        var result = await Publisher(server.Endpoint).PublishAsync("s1._domainkey.example.com", Value, CancellationToken.None);

        Assert.Equal(PublicationFailure.ResponseNotAuthenticated, result.Failure);
        Assert.Contains("no TSIG signature", result.Reason, StringComparison.Ordinal);
        Assert.Contains("may be forged", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, PublicationFailure.Refused, "REFUSED")]
    [InlineData(9, PublicationFailure.NotAuthorized, "NOTAUTH")]
    [InlineData(10, PublicationFailure.NotZone, "NOTZONE")]
    [InlineData(2, PublicationFailure.ServerFailure, "SERVFAIL")]
    [InlineData(4, PublicationFailure.Failed, "NOTIMP")]
    public async Task Publish_ErrorAnswer_FailsWithItsReason(byte rcode, PublicationFailure expected, string named)
    {
        await using var server = new ScriptedUpdateServer(request => ScriptedUpdateServer.Unsigned(request, rcode));

        var result = await Publisher(server.Endpoint).PublishAsync("s1._domainkey.example.com", Value, CancellationToken.None);

        Assert.Equal(expected, result.Failure);
        Assert.Contains(named, result.Reason, StringComparison.Ordinal);
        Assert.Contains(server.Endpoint.ToString(), result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_SilentPrimary_TimesOutWithinItsTimeout()
    {
        await using var server = new ScriptedUpdateServer(_ => null);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await Publisher(server.Endpoint, TimeSpan.FromMilliseconds(300)).PublishAsync("s1._domainkey.example.com", Value, CancellationToken.None);

        Assert.Equal(PublicationFailure.Timeout, result.Failure);
        Assert.Contains("no answer", result.Reason, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData(31, "at least 32")]
    [InlineData(0, "at least 32")]
    public void Settings_ShortSecret_AreRejected(int bytes, string expected)
    {
        var settings = Settings(new IPEndPoint(IPAddress.Loopback, 53)) with { Secret = new byte[bytes] };

        Assert.False(settings.TryValidate(out string error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Rfc2136Publisher(settings, TimeProvider.System));
    }

    [Fact]
    public void Settings_WhenPrinted_HideTheSecret()
    {
        string printed = Settings(new IPEndPoint(IPAddress.Loopback, 53)).ToString();

        Assert.Contains("(hidden)", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("1, 2, 3", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Secret), printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("%%%%")]
    public void DecodeSecret_NotBase64_IsAValueNotAnException(string text)
    {
        Assert.False(Rfc2136PublisherSettings.TryDecodeSecret(text, out _, out string error));
        Assert.Contains("base64", error, StringComparison.Ordinal);
    }

    private static Rfc2136PublisherSettings Settings(IPEndPoint primary, TimeSpan? timeout = null) => new()
    {
        Primary = primary, Zone = Zone, KeyName = "signet-update", Secret = Secret, Timeout = timeout ?? TimeSpan.FromSeconds(2),
    };

    private static Rfc2136Publisher Publisher(IPEndPoint primary, TimeSpan? timeout = null) =>
        new(Settings(primary, timeout), new FixedClock(DateTimeOffset.UtcNow));
}
