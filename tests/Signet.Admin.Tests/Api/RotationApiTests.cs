using System.Net;
using System.Text;
using System.Text.Json;
using Signet.Admin.Tests.Support;

namespace Signet.Admin.Tests.Api;

/// <summary>The rotation and publisher endpoints with hostile bodies: each is a 400 problem with the reason, the
/// settings stay as they were, and no answer carries a TSIG secret.</summary>
public sealed class RotationApiTests
{
    public static TheoryData<string, string> HostileSettings() => new()
    {
        { """{"publisher":"mine-dns","interval":"30.00:00:00","keyKinds":"dsa"}""", "keyKinds" },
        { """{"publisher":"mine-dns","interval":"30.00:00:00","selectorScheme":"random"}""", "selectorScheme" },
        { """{"publisher":"mine-dns","interval":"-1.00:00:00"}""", "more than zero" },
        { """{"publisher":"mine-dns","interval":"5.00:00:00"}""", "shorter than the rotation interval" },
        { """{"interval":"30.00:00:00"}""", "needs a publisher" },
        { """{"publisher":"mine-dns","interval":"9999.00:00:00"}""", "at most 3650" },
        { """{"publisher":"../../etc/passwd"}""", "no publisher" },
        { """{"publisher":"mine-dns","interval":"not a duration"}""", "" },
        { """{"publisher":"mine-dns","overlap":"-00:00:01"}""", "overlap" },
    };

    [Theory]
    [MemberData(nameof(HostileSettings))]
    public async Task PutRotation_HostileBody_Is400WithTheReason_AndChangesNothing(string body, string reason)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.OwnDomainAdmin);
        string before = await (await client.GetAsync(new Uri("/api/domains/mine.example/rotation", UriKind.Relative))).Content.ReadAsStringAsync();

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(new Uri("/api/domains/mine.example/rotation", UriKind.Relative), content);
        string text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        string after = await (await client.GetAsync(new Uri("/api/domains/mine.example/rotation", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("""{"name":"x","primary":"127.0.0.2","zone":"mine.example","keyName":"k","secret":"c2hvcnQ="}""", "at least 32")]
    [InlineData("""{"name":"x","primary":"ns1.example","zone":"mine.example","keyName":"k","secret":"c2hvcnQ="}""", "primary")]
    [InlineData("""{"name":"<b>x</b>","primary":"127.0.0.2","zone":"mine.example","keyName":"k","secret":"c2hvcnQ="}""", "name")]
    [InlineData("""{}""", "name")]
    public async Task PostPublisher_HostileBody_Is400WithTheReason(string body, string reason)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.ServerAdmin);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/publishers", UriKind.Relative), content);
        string text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {text}");
        Assert.Contains(reason, JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRotation_ShowsSettingsAndState_WithoutTheSecret()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.OwnDomainAdmin);

        string text = await (await client.GetAsync(new Uri("/api/domains/mine.example/rotation", UriKind.Relative))).Content.ReadAsStringAsync();
        var view = JsonDocument.Parse(text).RootElement;

        Assert.Equal("mine-dns", view.GetProperty("publisher").GetString());
        Assert.Equal("90.00:00:00", view.GetProperty("interval").GetString());
        Assert.Equal("rsa2048", view.GetProperty("keyKinds").GetString());
        Assert.Equal("Idle", view.GetProperty("step").GetString());
        Assert.All(world.Secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
    }
}
