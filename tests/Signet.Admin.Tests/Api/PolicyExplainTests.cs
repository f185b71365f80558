using System.Net;
using System.Text;
using System.Text.Json;
using Signet.Admin.Tests.Support;
using Signet.Store;

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
    [InlineData("From: a@mine.example\r\n\r\n")]
    [InlineData("From: a@mine.example, b@news.mine.example\r\n\r\n")]
    public async Task DomainAdmin_NeverSeesTheServerWideKey(string message)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        // mine.example without an active key signs with the server-wide key; a domain admin must not learn its selector.
        var keys = ApiWorld.Ok(await world.Store.ListKeysAsync(ApiWorld.Admin, Signet.Store.Model.KeyOwner.ForDomain("mine.example"), CancellationToken.None));
        foreach (var key in keys.Where(k => k.State == Signet.Store.Model.KeyState.Active))
        {
            ApiWorld.Ok(await world.Store.RetireKeyAsync(ApiWorld.Admin, key.Id, CancellationToken.None));
        }

        var answer = await ExplainAsync(world, Role.OwnDomainAdmin, message, HttpStatusCode.OK);

        Assert.True(answer.GetProperty("signs").GetBoolean());
        Assert.Empty(answer.GetProperty("keys").EnumerateArray());
        Assert.DoesNotContain("._domainkey.mx.signet.example", answer.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(world.Ids["serveractive"].ToString(), answer.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DomainAdmin_AskingAboutASubdomainAnotherAdminProtects_Is404WithoutItsKeys()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        ApiWorld.Ok(await world.Store.AddDomainAsync(ApiWorld.Admin, "shop.mine.example", CancellationToken.None));
        var key = ApiWorld.Ok(await world.Store.GenerateKeyAsync(ApiWorld.Admin, Signet.Store.Model.KeyOwner.ForDomain("shop.mine.example"),
            new Signet.Store.Model.KeyGenerationRequest("hidden1"), CancellationToken.None));
        ApiWorld.Ok(await world.Store.ActivateKeyAsync(ApiWorld.Admin, key.Id, force: true, CancellationToken.None));

        using var client = world.Client(Role.OwnDomainAdmin);
        using var content = new StringContent("From: a@shop.mine.example\r\n\r\n", Encoding.UTF8, "message/rfc822");
        using var response = await client.PostAsync(new Uri("/api/policy/explain", UriKind.Relative), content);
        string body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not one of your domains", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden1", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dana", "From: a@theirs.example\r\n\r\n", false, "notTheirDomain")]
    [InlineData("dana", "From: a@mine.example\r\n\r\n", true, "ownDomain")]
    [InlineData("sam", "From: a@theirs.example\r\n\r\n", true, "serverAdmin")]
    [InlineData("saslonly", "From: a@theirs.example\r\n\r\n", true, "unknownUser")]
    public async Task ServerAdmin_ExplainingAsAUser_SaysWhetherTheirMailWouldBeSigned(string user, string message, bool allowed, string rule)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.ServerAdmin);
        using var content = new StringContent(message, Encoding.UTF8, "message/rfc822");
        using var response = await client.PostAsync(new Uri("/api/policy/explain?as=" + user, UriKind.Relative), content);
        string body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var submission = JsonDocument.Parse(body).RootElement.GetProperty("submission");
        Assert.Equal(allowed, submission.GetProperty("allowed").GetBoolean());
        Assert.Equal(rule, submission.GetProperty("rule").GetString());
        Assert.Equal(allowed, JsonDocument.Parse(body).RootElement.GetProperty("signs").GetBoolean());
    }

    [Fact]
    public async Task DomainAdmin_ExplainingAsAnotherUser_Is403()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.OwnDomainAdmin);
        using var content = new StringContent("From: a@mine.example\r\n\r\n", Encoding.UTF8, "message/rfc822");
        using var response = await client.PostAsync(new Uri("/api/policy/explain?as=olga", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Explain_OpensNoPrivateKey_SoItAnswersEvenWhenTheKeysCannotBeOpened()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        await world.CorruptSealedKeysAsync();

        var answer = await ExplainAsync(world, Role.ServerAdmin, "From: a@mine.example\r\n\r\n", HttpStatusCode.OK);

        Assert.Equal("domainKeys", answer.GetProperty("rule").GetString());
        await Assert.ThrowsAsync<StoreUnavailableException>(() => world.Store.GetSigningSnapshotAsync(CancellationToken.None));
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
