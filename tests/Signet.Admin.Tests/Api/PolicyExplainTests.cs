using System.Net;
using System.Text;
using System.Text.Json;
using Signet.Admin.Tests.Support;

namespace Signet.Admin.Tests.Api;

public sealed class PolicyExplainTests
{
    [Fact]
    public async Task OwnDomainMail_IsSignedWithItsActiveKey_Aligned()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        var answer = await ExplainAsync(world, Role.OwnDomainAdmin, "From: a@mine.example\r\nSubject: x\r\n\r\nbody\r\n", HttpStatusCode.OK);
        Assert.Equal("domainKeys", answer.GetProperty("rule").GetString());
        Assert.True(answer.GetProperty("aligned").GetBoolean());
        var key = Assert.Single(answer.GetProperty("keys").EnumerateArray());
        Assert.Equal("s1._domainkey.mine.example", key.GetProperty("recordName").GetString());
        Assert.Equal(world.Ids["active"], key.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task SubdomainMail_UsesTheParentKeys_ForItsDomainAdmin()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        var answer = await ExplainAsync(world, Role.OwnDomainAdmin, "From: a@news.mine.example\r\n\r\n", HttpStatusCode.OK);
        Assert.Equal("parentDomainKeys", answer.GetProperty("rule").GetString());
        Assert.Equal("mine.example", answer.GetProperty("signingDomain").GetString());
    }

    [Fact]
    public async Task ForeignMail_ServerKey_SaysItIsNotAligned()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        var answer = await ExplainAsync(world, Role.ServerAdmin, "From: a@elsewhere.example\r\n\r\n", HttpStatusCode.OK);
        Assert.Equal("serverKey", answer.GetProperty("rule").GetString());
        Assert.False(answer.GetProperty("aligned").GetBoolean());
        Assert.Equal("mx.signet.example", answer.GetProperty("signingDomain").GetString());
        Assert.Contains("NOT aligned", answer.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From: a@elsewhere.example\r\n\r\n")]
    [InlineData("From: a@theirs.example\r\n\r\n")]
    [InlineData("From: a@mine.example, b@theirs.example\r\n\r\n")]
    public async Task DomainAdmin_AskingAboutAnotherDomain_Is404(string message)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        await ExplainAsync(world, Role.OwnDomainAdmin, message, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("")]
    [InlineData("this is not a message")]
    public async Task NotAMessage_Is400(string body)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        await ExplainAsync(world, Role.ServerAdmin, body, HttpStatusCode.BadRequest);
    }

    private static async Task<JsonElement> ExplainAsync(ApiWorld world, Role role, string message, HttpStatusCode expected)
    {
        using var client = world.Client(role);
        using var content = new StringContent(message, Encoding.UTF8, "message/rfc822");
        using var response = await client.PostAsync(new Uri("/api/policy/explain", UriKind.Relative), content);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
