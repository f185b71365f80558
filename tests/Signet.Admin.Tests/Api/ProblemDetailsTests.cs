using System.Net;
using System.Text.Json;
using Signet.Admin.Tests.Support;

namespace Signet.Admin.Tests.Api;

public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task UnknownDomain_Is404ProblemWithTheStoreSentence()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.ServerAdmin);
        using var response = await client.GetAsync(new Uri("/api/domains/nope.example", UriKind.Relative));
        var problem = await ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("there is no domain nope.example", problem.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task NoToken_Is401ProblemThatSaysHowToAuthenticate()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.Anonymous);
        using var response = await client.GetAsync(new Uri("/api/domains", UriKind.Relative));
        var problem = await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("signet token create", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bearer sgt_not-a-real-token")]
    [InlineData("Bearer nothing-like-a-token")]
    [InlineData("Basic c2FtOnB3")]
    public async Task WrongCredentials_Are401Problems(string authorization)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.Anonymous);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        using var response = await client.GetAsync(new Uri("/api/domains", UriKind.Relative));
        var problem = await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("token", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LifecycleConflict_Is409WithTheReason()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.OwnDomainAdmin);
        using var response = await client.PostAsync(new Uri(world.Resolve("/api/domains/mine.example/keys/{active}/revoke"), UriKind.Relative), null);
        var problem = await ReadProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("retire it first", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnusableInput_Is400WithTheReason()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.ServerAdmin);
        using var badName = await client.PostAsync(new Uri("/api/domains", UriKind.Relative), JsonBody.Of("""{"name":"not a domain"}"""));
        Assert.Contains("not a valid domain name", (await ReadProblemAsync(badName, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var badFormat = await client.GetAsync(new Uri(world.Resolve("/api/domains/mine.example/keys/{active}/dns?format=bind"), UriKind.Relative));
        Assert.Contains("value, quoted, escaped, zone or json", (await ReadProblemAsync(badFormat, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var weak = await client.PostAsync(new Uri("/api/domains/mine.example/keys", UriKind.Relative), JsonBody.Of("""{"selector":"w1","algorithm":"rsa","bits":512}"""));
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
    }

    [Fact]
    public async Task KeyOfAnotherDomain_UnderOwnDomainPath_Is404()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        foreach (var role in new[] { Role.ServerAdmin, Role.OwnDomainAdmin })
        {
            using var client = world.Client(role);
            using var response = await client.GetAsync(new Uri(world.Resolve("/api/domains/mine.example/keys/{theiractive}"), UriKind.Relative));
            await ReadProblemAsync(response, HttpStatusCode.NotFound);
            using var server = await client.PostAsync(new Uri(world.Resolve("/api/domains/mine.example/keys/{serveractive}/retire"), UriKind.Relative), null);
            Assert.Contains(server.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        }

        Assert.Equal(Signet.Store.Model.KeyState.Active, ApiWorld.Ok(await world.Store.GetKeyAsync(ApiWorld.Admin, world.Ids["serveractive"], CancellationToken.None)).State);
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}

public sealed class MalformedBodyTests
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    public async Task MalformedJson_Is400Problem(string body)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.ServerAdmin);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/domains", UriKind.Relative), content);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("detail", text, StringComparison.Ordinal);
    }
}

public sealed class UnknownRouteTests
{
    [Fact]
    public async Task UnknownApiPath_Is404Problem()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.ServerAdmin);
        using var response = await client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
