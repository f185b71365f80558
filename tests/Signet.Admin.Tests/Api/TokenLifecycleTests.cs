using System.Net;
using System.Text.Json;
using Signet.Admin.Tests.Support;

namespace Signet.Admin.Tests.Api;

/// <summary><c>/api/tokens</c>: listing without secrets, revoking, and expiry refused with a 401 problem that says why.</summary>
public sealed class TokenLifecycleTests
{
    [Fact]
    public async Task ListTokens_DomainAdmin_SeesOnlyTheirOwnAndNoSecret()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.OwnDomainAdmin);

        string body = await client.GetStringAsync(new Uri("/api/tokens", UriKind.Relative));

        var tokens = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        Assert.Equal(["dana"], tokens.Select(t => t.GetProperty("userName").GetString()));
        Assert.Equal(world.Tokens[Role.OwnDomainAdmin]![..12], tokens[0].GetProperty("prefix").GetString());
        Assert.DoesNotContain(world.Tokens[Role.OwnDomainAdmin]![12..], body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeToken_OwnToken_ItIsRefusedAtOnce()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var dana = world.Client(Role.OwnDomainAdmin);
        using var created = await dana.PostAsync(new Uri("/api/tokens", UriKind.Relative), JsonBody.Of("""{"description":"to revoke"}"""));
        var secret = (await JsonBody.ReadAsync(created.Content)).GetProperty("token").GetString()!;
        using var withNew = world.Host.Client(secret);
        var listed = JsonDocument.Parse(await dana.GetStringAsync(new Uri("/api/tokens", UriKind.Relative))).RootElement;
        string id = listed.EnumerateArray().Single(t => t.GetProperty("description").GetString() == "to revoke").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await withNew.GetAsync(new Uri("/api/domains", UriKind.Relative))).StatusCode);

        using var revoked = await dana.DeleteAsync(new Uri("/api/tokens/" + id, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var after = await withNew.GetAsync(new Uri("/api/domains", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("revoked", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredToken_Is401ProblemSayingItExpired()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        var dana = world.Ids["dana"];
        string secret = ApiWorld.Ok(await world.Store.CreateTokenAsync(ApiWorld.Admin, dana, "short-lived", DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None));
        using var client = world.Host.Client(secret);

        // Waits (with a deadline) for the second to pass rather than sleeping a fixed time.
        HttpResponseMessage response;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            response = await client.GetAsync(new Uri("/api/domains", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                break;
            }

            response.Dispose();
            await Task.Delay(100);
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await JsonBody.ReadAsync(response.Content);
            Assert.Contains("expired on", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"description":"x","expiresAt":"2001-01-01T00:00:00Z"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"description":"x","expiresAt":"not a date"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"description":"line\nbreak"}""", HttpStatusCode.BadRequest)]
    public async Task CreateToken_HostileBodies_AreRefusedWith400(string json, HttpStatusCode expected)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.OwnDomainAdmin);

        using var response = await client.PostAsync(new Uri("/api/tokens", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/tokens/not-a-guid")]
    [InlineData("/api/tokens/00000000-0000-0000-0000-000000000000")]
    public async Task RevokeToken_UnknownOrMalformedId_Is404(string path)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.ServerAdmin);

        using var response = await client.DeleteAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
