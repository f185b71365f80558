using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Signet.Dkim.Lookup;
using Signet.Dns;
using Signet.Testing;

namespace Signet.Dns.Tests;

[Trait("Tier", "Integration")]
public class DnsTxtRecordSourceTests(KeyZoneFixture fixture) : IClassFixture<KeyZoneFixture>
{
    private DnsTxtRecordSource Source(bool useCache = false) =>
        new(new DnsResolverOptions { Servers = [fixture.Server.Endpoint.ToString()], UseCache = useCache, Timeout = TimeSpan.FromSeconds(2) });

    [Fact]
    public async Task LookupTxt_MultiStringRecord_ReturnsEachStringAsOnTheWire()
    {
        var result = await Source().LookupTxtAsync("s1._domainkey.example.com", CancellationToken.None);

        Assert.Equal(TxtLookupStatus.Found, result.Status);
        var record = Assert.Single(result.Records);
        Assert.Equal(3, record.Strings.Count);
        Assert.Equal("v=DKIM1; k=rsa; "u8.ToArray(), record.Strings[0]);
        Assert.Equal("p=AB;C\\D\"E"u8.ToArray(), record.Strings[1]);
        Assert.Equal(new byte[] { 200, 255, (byte)'t', (byte)'a', (byte)'i', (byte)'l' }, record.Strings[2]);
    }

    [Fact]
    public async Task LookupTxt_BackslashDigitsBesideRawBytesAndUtf8_ReturnsEachStringAsOnTheWire()
    {
        var result = await Source().LookupTxtAsync("tricky.example.com", CancellationToken.None);

        var record = Assert.Single(result.Records);
        Assert.Equal(new byte[] { (byte)'\\', (byte)'2', (byte)'0', (byte)'0', 200 }, record.Strings[0]);
        Assert.Equal("caf\u00e9"u8.ToArray(), record.Strings[1]);
        Assert.Equal("\\\""u8.ToArray(), record.Strings[2]);
    }

    [Theory]
    [InlineData("s1._domainkey.example.com")]
    [InlineData("tricky.example.com")]
    [InlineData("multi.example.com")]
    public async Task LookupTxt_SameZoneReadAsAFile_MatchesDnsByteForByte(string name)
    {
        string zone = "$ORIGIN example.com.\n" + string.Join("\n", KeyZoneFixture.Records);
        Assert.True(ZoneFileTxtSource.TryParse(zone, out var file, out string error), error);

        var fromFile = await file.LookupTxtAsync(name, CancellationToken.None);
        var fromDns = await Source().LookupTxtAsync(name, CancellationToken.None);

        Assert.Equal(
            fromFile.Records.Select(TxtRecordFormat.Show).Order(StringComparer.Ordinal),
            fromDns.Records.Select(TxtRecordFormat.Show).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LookupTxt_NameDoesNotExist_IsNotFoundNamingNxdomain()
    {
        var result = await Source().LookupTxtAsync("nobody._domainkey.example.com", CancellationToken.None);

        Assert.Equal(TxtLookupStatus.NotFound, result.Status);
        Assert.Equal("no TXT record at nobody._domainkey.example.com (NXDOMAIN)", result.Detail);
    }

    [Fact]
    public async Task LookupTxt_NameHasOnlyAnARecord_IsNotFoundNamingNodata()
    {
        var result = await Source().LookupTxtAsync("mail.example.com", CancellationToken.None);

        Assert.Equal(TxtLookupStatus.NotFound, result.Status);
        Assert.Equal("no TXT record at mail.example.com (NODATA)", result.Detail);
    }

    [Fact]
    public async Task LookupTxt_SeveralRecordsAtOneName_ReturnsEachRecordSeparately()
    {
        var result = await Source().LookupTxtAsync("multi.example.com.", CancellationToken.None);

        Assert.Equal(TxtLookupStatus.Found, result.Status);
        Assert.Equal(
            ["[first]", "[second] [part]", "[third]"],
            result.Records.Select(TxtRecordFormat.Show).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task LookupTxt_NameOutsideTheServersZones_IsTemporaryFailureNamingRefused()
    {
        var result = await Source().LookupTxtAsync("s1._domainkey.example.org", CancellationToken.None);

        Assert.Equal(TxtLookupStatus.TemporaryFailure, result.Status);
        Assert.Equal($"REFUSED from {fixture.Server.Endpoint} for s1._domainkey.example.org", result.Detail);
    }

    [Fact]
    public async Task LookupTxt_ZoneFailedToLoad_IsTemporaryFailureNamingServfail()
    {
        var result = await Source().LookupTxtAsync("s1._domainkey.broken.test", CancellationToken.None);

        Assert.Equal(TxtLookupStatus.TemporaryFailure, result.Status);
        Assert.Equal($"SERVFAIL from {fixture.Server.Endpoint} for s1._domainkey.broken.test", result.Detail);
    }

    [Fact]
    public async Task LookupTxt_ManyConcurrentLookupsThroughTheCache_AllFindTheRecord()
    {
        var source = Source(useCache: true);

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(
            _ => source.LookupTxtAsync("S1._DOMAINKEY.example.com", CancellationToken.None).AsTask()));

        Assert.All(results, result => Assert.Equal(TxtLookupStatus.Found, result.Status));
    }
}

[Trait("Tier", "Integration")]
public class DnsTxtRecordSourceKeySizeTests
{
    [Fact]
    public async Task LookupTxt_RsaKeySplitIn255ByteStrings_JoinsToTheRecordAsPublished()
    {
        using var rsa = RSA.Create(4096);
        string text = "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        var chunks = text.Chunk(255).Select(chunk => new string(chunk)).ToList();
        await using var dns = await AuthoritativeDnsServer.StartAsync(
            "example.net", [$"big._domainkey IN TXT {string.Join(" ", chunks.Select(chunk => $"\"{chunk}\""))}"], CancellationToken.None);
        var source = new DnsTxtRecordSource(new DnsResolverOptions { Servers = [dns.Endpoint.ToString()] });

        var result = await source.LookupTxtAsync("big._domainkey.example.net", CancellationToken.None);

        var record = Assert.Single(result.Records);
        Assert.Equal(chunks.Select(chunk => chunk.Length), record.Strings.Select(bytes => bytes.Length));
        Assert.Equal(Encoding.ASCII.GetBytes(text), record.Join());
    }
}

public class DnsTxtRecordSourceUnreachableTests
{
    [Fact]
    public async Task LookupTxt_ServerNeverAnswers_IsTemporaryFailureWithinTheTimeout()
    {
        using var silent = new SilentUdpEndpoint();
        var source = new DnsTxtRecordSource(new DnsResolverOptions
        {
            Servers = [silent.Endpoint.ToString()],
            Timeout = TimeSpan.FromMilliseconds(300),
            Retries = 1,
        });
        var clock = Stopwatch.StartNew();

        // It gives up on its own (a deadline, not a speed limit: a loaded machine is slow, not wrong) ...
        var result = await source.LookupTxtAsync("s1._domainkey.example.com", CancellationToken.None).AsTask().WaitAsync(Eventually.DefaultDeadline);

        Assert.Equal(TxtLookupStatus.TemporaryFailure, result.Status);
        Assert.Equal($"timed out after 300 ms (2 tries) asking {silent.Endpoint} for s1._domainkey.example.com", result.Detail);
        // ... after both tries went out and each waited its timeout.
        await Eventually.Until(() => silent.Received >= 2, "both tries reach the silent server");
        Assert.Equal(2, silent.Received);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(500), $"gave up after {clock.ElapsedMilliseconds} ms, before two 300 ms timeouts");
    }

    [Fact]
    public async Task LookupTxt_NothingListensOnThePort_IsTemporaryFailure()
    {
        int port = LoopbackPorts.FindFreeTcpAndUdpPort();
        var source = new DnsTxtRecordSource(new DnsResolverOptions
        {
            Servers = [$"127.0.0.1:{port}"],
            Timeout = TimeSpan.FromMilliseconds(300),
            Retries = 0,
        });

        var result = await source.LookupTxtAsync("s1._domainkey.example.com", CancellationToken.None);

        Assert.Equal(TxtLookupStatus.TemporaryFailure, result.Status);
        Assert.Contains($"127.0.0.1:{port}", result.Detail);
    }

    [Fact]
    public async Task LookupTxt_CallerCancels_ThrowsOperationCanceled()
    {
        using var silent = new SilentUdpEndpoint();
        var source = new DnsTxtRecordSource(new DnsResolverOptions { Servers = [silent.Endpoint.ToString()] });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await source.LookupTxtAsync("s1._domainkey.example.com", cancellation.Token));
    }
}
