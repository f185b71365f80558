using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Signet.Admin.Tests.Support;

namespace Signet.Admin.Tests.Api;

/// <summary>When the store's database cannot be used, every API request is answered in one place with a 503 problem:
/// never a 401 (the token could not be checked, it was not refused), a 500, or an empty list. A caller the store could
/// not recognise (here: its token could not be checked) is told where the reason is, not the database's own message.</summary>
public sealed class ApiStoreOutageTests
{
    [Theory]
    [InlineData("/api/domains")]
    [InlineData("/api/users")]
    [InlineData("/api/domains/mine.example/keys")]
    public async Task Request_DatabaseNotADatabase_Is503Problem_WithoutTheDatabasesMessage(string path)
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.ServerAdmin);
        using (var healthy = await client.GetAsync(new Uri(path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        await DamageAsync(world.Store.Options.DatabasePath);
        using var during = await client.GetAsync(new Uri(path, UriKind.Relative));
        string body = await during.Content.ReadAsStringAsync();

        Assert.True(during.StatusCode == HttpStatusCode.ServiceUnavailable, $"{during.StatusCode}: {body}");
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        string detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("is not usable", detail, StringComparison.Ordinal);
        Assert.Contains("the reason is in the log of signet serve", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("not a database", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Store.Options.DatabasePath, detail, StringComparison.Ordinal);
    }

    /// <summary>What a disk error or a stray copy leaves: the file is there, SQLite cannot read it.</summary>
    private static async Task DamageAsync(string database)
    {
        SqliteConnection.ClearAllPools();
        foreach (string sidecar in new[] { "-wal", "-shm" }.Select(s => database + s).Where(File.Exists))
        {
            File.Delete(sidecar);
        }

        await File.WriteAllTextAsync(database, new string('x', 4096));
    }
}
