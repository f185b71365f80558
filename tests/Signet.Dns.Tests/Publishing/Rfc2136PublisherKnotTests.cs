using System.Net;
using System.Text;
using Signet.Dns.Authoritative;
using Signet.Dns.Publishing;
using Signet.Testing;

namespace Signet.Dns.Tests.Publishing;

/// <summary>The publisher against a real Knot primary and a real Knot secondary that lags (no NOTIFY): what it
/// writes is read back from each server directly.</summary>
[Trait("Tier", "Integration")]
public sealed class Rfc2136PublisherKnotTests
{
    private const string Zone = "example.com";
    private const string Name = "s202612._domainkey.example.com";
    private const string Value = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

    private static CancellationToken Token => CancellationToken.None;

    [Fact]
    public async Task Publish_SeenByPrimaryAtOnceAndBySecondaryAfterItsRefresh()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        var result = await Publisher(pair).PublishAsync(Name, Value, Token);

        Assert.True(result.Succeeded, result.Reason);
        var before = await Lookup(pair).LookupAsync(Name, Token);
        Assert.Equal(Value, Joined(Answer(before, KnotZonePair.PrimaryAddress)));
        Assert.Equal(AuthoritativeServerOutcome.NotFound, Answer(before, KnotZonePair.SecondaryAddress).Outcome);

        await pair.CatchUpAsync(Token);
        await Eventually.Until(async () => Joined(Answer(await Lookup(pair).LookupAsync(Name, Token), KnotZonePair.SecondaryAddress)) == Value,
            "the secondary serves the record after its refresh");
    }

    [Fact]
    public async Task Publish_RsaRecordLongerThan255Bytes_IsSplitAndReadsBackWhole()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        string value = "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(Enumerable.Range(0, 550).Select(i => (byte)i).ToArray());

        var result = await Publisher(pair).PublishAsync(Name, value, Token);

        Assert.True(result.Succeeded, result.Reason);
        var answer = Answer(await Lookup(pair).LookupAsync(Name, Token), KnotZonePair.PrimaryAddress);
        var strings = Assert.Single(answer.Lookup.Records).Strings;
        Assert.True(strings.Count > 1, "a value over 255 bytes is several strings");
        Assert.All(strings, s => Assert.True(s.Length <= 255));
        Assert.Equal(value, Joined(answer));
    }

    [Fact]
    public async Task Publish_Twice_SecondSucceedsWithoutChange()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        var publisher = Publisher(pair);

        Assert.True((await publisher.PublishAsync(Name, Value, Token)).Succeeded);
        var again = await publisher.PublishAsync(Name, Value, Token);

        Assert.True(again.Succeeded, again.Reason);
        Assert.Contains("already published", again.Reason, StringComparison.Ordinal);
        Assert.Single(Answer(await Lookup(pair).LookupAsync(Name, Token), KnotZonePair.PrimaryAddress).Lookup.Records);
    }

    [Fact]
    public async Task Publish_OverAnotherRecord_FailsAndLeavesItAlone()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, ["s202612._domainkey IN TXT \"v=DKIM1; p=someone-elses\""], Token);

        var result = await Publisher(pair).PublishAsync(Name, Value, Token);

        Assert.Equal(PublicationFailure.RecordConflict, result.Failure);
        Assert.Contains("does not overwrite", result.Reason, StringComparison.Ordinal);
        Assert.Equal("v=DKIM1; p=someone-elses", Joined(Answer(await Lookup(pair).LookupAsync(Name, Token), KnotZonePair.PrimaryAddress)));
    }

    [Fact]
    public async Task Replace_WithRevokedForm_LeavesOnlyEmptyP()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        var publisher = Publisher(pair);
        Assert.True((await publisher.PublishAsync(Name, Value, Token)).Succeeded);

        var result = await publisher.ReplaceAsync(Name, "v=DKIM1; p=", Token);

        Assert.True(result.Succeeded, result.Reason);
        var answer = Answer(await Lookup(pair).LookupAsync(Name, Token), KnotZonePair.PrimaryAddress);
        Assert.Equal("v=DKIM1; p=", Joined(answer));
    }

    [Fact]
    public async Task Unpublish_RemovesTheRecord_AndSucceedsAgainWhenGone()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        var publisher = Publisher(pair);
        Assert.True((await publisher.PublishAsync(Name, Value, Token)).Succeeded);

        var removed = await publisher.UnpublishAsync(Name, Token);
        var again = await publisher.UnpublishAsync(Name, Token);

        Assert.True(removed.Succeeded, removed.Reason);
        Assert.True(again.Succeeded, again.Reason);
        Assert.Equal(AuthoritativeServerOutcome.NotFound, Answer(await Lookup(pair).LookupAsync(Name, Token), KnotZonePair.PrimaryAddress).Outcome);
    }

    [Fact]
    public async Task Publish_WithWrongSecret_FailsWithBadSignatureAndChangesNothing()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        var wrong = Publisher(pair, secret: Enumerable.Repeat((byte)7, 32).ToArray());

        var result = await wrong.PublishAsync(Name, Value, Token);

        Assert.Equal(PublicationFailure.BadSignature, result.Failure);
        Assert.Contains("BADSIG", result.Reason, StringComparison.Ordinal);
        Assert.Contains("secret differs", result.Reason, StringComparison.Ordinal);
        Assert.Equal(AuthoritativeServerOutcome.NotFound, Answer(await Lookup(pair).LookupAsync(Name, Token), KnotZonePair.PrimaryAddress).Outcome);
    }

    [Fact]
    public async Task Publish_WithUnknownKeyName_FailsWithBadKey()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);

        var result = await Publisher(pair, keyName: "not-configured").PublishAsync(Name, Value, Token);

        Assert.Equal(PublicationFailure.BadKey, result.Failure);
        Assert.Contains("not-configured", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithClockAnHourOff_FailsWithBadTime()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        var late = new FixedClock(DateTimeOffset.UtcNow.AddHours(-1));

        var result = await Publisher(pair, time: late).PublishAsync(Name, Value, Token);

        Assert.Equal(PublicationFailure.BadTime, result.Failure);
        Assert.Contains("clock", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ToPrimaryWhoseAclDeniesTheKey_FailsSayingToAllowTheKey()
    {
        // Knot answers an update its ACL denies with NOTAUTH and TSIG error BADKEY (as for an unknown key).
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token, acceptsUpdates: false);

        var result = await Publisher(pair).PublishAsync(Name, Value, Token);

        Assert.Equal(PublicationFailure.BadKey, result.Failure);
        Assert.Contains(pair.PrimaryServer.KeyName, result.Reason, StringComparison.Ordinal);
        Assert.Contains("lets this key update the zone", result.Reason, StringComparison.Ordinal);
        Assert.Equal(AuthoritativeServerOutcome.NotFound, Answer(await Lookup(pair).LookupAsync(Name, Token), KnotZonePair.PrimaryAddress).Outcome);
    }

    [Fact]
    public async Task Publish_WhilePrimaryIsDown_FailsWithTimeoutAndSaysWhere()
    {
        await using var pair = await KnotZonePair.StartAsync(Zone, [], Token);
        await pair.PrimaryServer.StopAsync();

        var result = await Publisher(pair, timeout: TimeSpan.FromMilliseconds(500)).PublishAsync(Name, Value, Token);

        Assert.False(result.Succeeded);
        Assert.True(result.IsTemporary, result.Reason);
        Assert.Contains(pair.PrimaryServer.Endpoint.ToString(), result.Reason, StringComparison.Ordinal);
    }

    private static Rfc2136Publisher Publisher(KnotZonePair pair, byte[]? secret = null, string? keyName = null, TimeProvider? time = null, TimeSpan? timeout = null) =>
        new(new Rfc2136PublisherSettings
        {
            Primary = pair.PrimaryServer.Endpoint, Zone = Zone, KeyName = keyName ?? pair.PrimaryServer.KeyName, Secret = secret ?? pair.PrimaryServer.Secret,
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
        }, time ?? TimeProvider.System);

    private static AuthoritativeTxtLookup Lookup(KnotZonePair pair) =>
        new(new DnsResolverOptions { Servers = [pair.PrimaryServer.Endpoint.ToString()], AuthoritativePort = pair.Port, Timeout = TimeSpan.FromSeconds(2) });

    private static AuthoritativeServerAnswer Answer(AuthoritativeTxtAnswers answers, IPAddress server)
    {
        Assert.True(answers.Failure.Length == 0, answers.Failure);
        return Assert.Single(answers.Answers, a => a.Endpoint.Address.Equals(server));
    }

    private static string Joined(AuthoritativeServerAnswer answer) =>
        answer.Outcome == AuthoritativeServerOutcome.Answered
            ? string.Concat(Assert.Single(answer.Lookup.Records).Strings.Select(s => Encoding.ASCII.GetString(s)))
            : $"({answer.Outcome}: {answer.Reason})";
}
