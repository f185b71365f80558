using System.Net;
using System.Text.Json;
using Signet.Admin.Tests.Support;
using Signet.Dkim.Keys;

namespace Signet.Admin.Tests.Api;

/// <summary>Private keys go in (generate, import) and never come out: every answer is searched for the PEM base64,
/// the PKCS#8 DER base64 and the Ed25519 seed of every key.</summary>
public sealed class PrivateKeyTests
{
    [Theory]
    [InlineData("ed25519", null)]
    [InlineData("rsa", 2048)]
    public async Task Generate_ThenGetListAndDns_NeverShowThePrivateKey(string algorithm, int? bits)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.OwnDomainAdmin);
        using var generated = await client.PostAsync(new Uri("/api/domains/mine.example/keys", UriKind.Relative), JsonBody.Of($$"""{"selector":"g1","algorithm":"{{algorithm}}","bits":{{(bits is { } b ? b.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null")}}}"""));
        string generatedBody = await generated.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, generated.StatusCode);
        var id = JsonDocument.Parse(generatedBody).RootElement.GetProperty("id").GetGuid();
        await world.AddSecretsOfAsync(id);
        var bodies = new List<string> { generatedBody };
        foreach (string path in new[] { $"/api/domains/mine.example/keys/{id}", "/api/domains/mine.example/keys", $"/api/domains/mine.example/keys/{id}/dns" })
        {
            bodies.Add(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
        }

        AssertNoSecret(world, bodies);
        Assert.Contains(generated.Headers.Location!.ToString(), $"/api/domains/mine.example/keys/{id}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_IsNotEchoed_AndTheKeyMatchesWhatWasSent()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var key = DkimKeyGenerator.Generate(Signet.Dkim.DkimKeyType.Rsa, 2048);
        string pem = key.ExportPkcs8Pem();
        world.AddSecrets(pem);
        using var client = world.Client(Role.ServerAdmin);
        using var imported = await client.PostAsync(new Uri("/api/server/keys/import", UriKind.Relative), JsonBody.Of($$"""{"selector":"imp","privateKey":{{JsonBody.Text(pem)}}}"""));
        string body = await imported.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var view = JsonDocument.Parse(body).RootElement;
        Assert.Equal(Convert.ToBase64String(key.PublicKey.ExportRecordData()), view.GetProperty("publicKey").GetString());
        Assert.Equal("pending", view.GetProperty("state").GetString());
        AssertNoSecret(world, [body, await client.GetStringAsync(new Uri("/api/server/keys", UriKind.Relative))]);
    }

    private static void AssertNoSecret(ApiWorld world, IEnumerable<string> bodies)
    {
        foreach (string body in bodies)
        {
            Assert.DoesNotContain("PRIVATE KEY", body, StringComparison.Ordinal);
            foreach (string secret in world.Secrets)
            {
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            }
        }
    }
}
