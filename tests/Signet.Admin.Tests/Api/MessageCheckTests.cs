using System.Net;
using System.Text;
using System.Text.Json;
using Signet.Admin.Tests.Support;
using Signet.Dkim.Keys;
using Signet.Dkim.Signing;
using Signet.Testing;

namespace Signet.Admin.Tests.Api;

/// <summary><c>POST /api/check</c>: the console's message check for scripts, with the keys in the world's own DNS.</summary>
public sealed class MessageCheckTests
{
    private const string Unsigned = "From: alice@mine.example\r\nTo: bob@example.net\r\nSubject: hello\r\n\r\nHello.\r\n";

    [Fact]
    public async Task SignedMessage_PassesAligned_WithTheAuthenticationResultsField()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        world.Dns.Add("c1._domainkey.mine.example", DkimKeyRecord.Format(TestKeys.Ed25519.PublicKey));
        Assert.True(DkimSigner.TryCreate([new DkimSigningRequest(TestKeys.Ed25519, "mine.example", "c1")], TimeProvider.System, out var signer, out string error), error);
        var (header, body) = TestMessages.Split(Unsigned);
        byte[] signed = TestMessages.Prepend(signer.Sign(header, body), Encoding.UTF8.GetBytes(Unsigned));

        var (status, answer) = await CheckAsync(world, Role.OwnDomainAdmin, signed);

        Assert.True(status == HttpStatusCode.OK, answer.GetRawText());
        var signature = Assert.Single(answer.GetProperty("signatures").EnumerateArray());
        Assert.Equal("pass", signature.GetProperty("result").GetString());
        Assert.Equal("mine.example", signature.GetProperty("domain").GetString());
        Assert.True(signature.GetProperty("aligned").GetBoolean());
        Assert.Equal("mine.example", answer.GetProperty("from").GetProperty("domain").GetString());
        Assert.Contains("dkim=pass", answer.GetProperty("authenticationResults").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedBody_FailsWithItsReason()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        world.Dns.Add("c1._domainkey.mine.example", DkimKeyRecord.Format(TestKeys.Ed25519.PublicKey));
        Assert.True(DkimSigner.TryCreate([new DkimSigningRequest(TestKeys.Ed25519, "mine.example", "c1")], TimeProvider.System, out var signer, out string error), error);
        var (header, body) = TestMessages.Split(Unsigned);
        byte[] signed = TestMessages.Prepend(signer.Sign(header, body), Encoding.UTF8.GetBytes(Unsigned.Replace("Hello.", "Hello!", StringComparison.Ordinal)));

        var (status, answer) = await CheckAsync(world, Role.ServerAdmin, signed);

        Assert.Equal(HttpStatusCode.OK, status);
        var signature = Assert.Single(answer.GetProperty("signatures").EnumerateArray());
        Assert.Equal("fail", signature.GetProperty("result").GetString());
        Assert.Equal("body-hash-mismatch", signature.GetProperty("failure").GetString());
    }

    [Fact]
    public async Task UnsignedMessage_HasNoSignatures_AndSaysDkimNone()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        var (status, answer) = await CheckAsync(world, Role.OtherDomainAdmin, Encoding.UTF8.GetBytes(Unsigned));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(answer.GetProperty("signatures").EnumerateArray());
        Assert.Contains("dkim=none", answer.GetProperty("authenticationResults").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", HttpStatusCode.BadRequest, "empty")]
    [InlineData("\r\n\r\nno header at all", HttpStatusCode.BadRequest, "not a mail message")]
    [InlineData("\u0000\u0001\u0002 binary: \u00ff\r\n\r\n", HttpStatusCode.BadRequest, "not a mail message")]
    public async Task HostileBodies_AreRefusedWithTheReason(string body, HttpStatusCode expected, string reason)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        var (status, answer) = await CheckAsync(world, Role.ServerAdmin, Encoding.Latin1.GetBytes(body));
        Assert.Equal(expected, status);
        Assert.Contains(reason, answer.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessageOverTenMegabytes_Is413()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        byte[] large = new byte[(10 * 1024 * 1024) + 1];
        Encoding.ASCII.GetBytes(Unsigned).CopyTo(large, 0);
        large.AsSpan(Unsigned.Length).Fill((byte)'a');
        var (status, answer) = await CheckAsync(world, Role.ServerAdmin, large);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than 10 MB", answer.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        var (status, _) = await CheckAsync(world, Role.Anonymous, Encoding.UTF8.GetBytes(Unsigned));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Answer)> CheckAsync(ApiWorld world, Role role, byte[] message)
    {
        using var client = world.Client(role);
        using var content = new ByteArrayContent(message);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
        using var response = await client.PostAsync(new Uri("/api/check", UriKind.Relative), content);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
