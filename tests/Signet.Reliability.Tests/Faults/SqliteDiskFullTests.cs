using Microsoft.Data.Sqlite;
using Signet.Reliability.Tests.Support;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Reliability.Tests.Faults;

/// <summary>The SQLite store on a disk that fills up: writes fail with <see cref="StoreErrorKind.Unavailable"/> and a
/// sentence (no exception), reads go on, and once space is freed the database opens intact with every write that
/// was acknowledged and none that was refused.</summary>
[Trait("Tier", "Integration")]
public sealed class SqliteDiskFullTests
{
    private static readonly Actor Admin = Actor.LocalAdministrator;

    [Fact]
    public async Task Store_DiskFull_WriteIsUnavailableWithASentenceAndTheDatabaseIsIntactOnceSpaceIsFreed()
    {
        using var disk = TinyFilesystem.Mount(megabytes: 2);
        var options = new StoreOptions { DataDirectory = Path.Combine(disk.Path, "data") };
        var acknowledged = new List<string> { "example.com" };
        string filler;
        StoreUnavailableException? refused = null;
        string? refusedDomain = null;
        await using (var store = await OpenAsync(options))
        {
            Ok(await store.AddDomainAsync(Admin, "example.com", CancellationToken.None));
            Ok(await store.GenerateKeyAsync(Admin, KeyOwner.ForDomain("example.com"), new KeyGenerationRequest("s1"), CancellationToken.None));
            filler = disk.Fill();

            for (int i = 0; i < 2000 && refused is null; i++)
            {
                string domain = $"d{i}.example";
                try
                {
                    Ok(await store.AddDomainAsync(Admin, domain, CancellationToken.None));
                    acknowledged.Add(domain);
                }
                catch (StoreUnavailableException outage)
                {
                    refused = outage;
                    refusedDomain = domain;
                }
            }

            Assert.NotNull(refused);
            Assert.Matches("(?i)full", refused!.Message);
            Assert.True(refused.Message.Length > 20 && refused.Message.Contains(' ', StringComparison.Ordinal), refused.Message);
            var readWhileFull = await store.ListDomainsAsync(Admin, CancellationToken.None);
            Assert.True(readWhileFull.Succeeded, readWhileFull.Error?.Message);
        }

        SqliteConnection.ClearAllPools();
        File.Delete(filler);

        Assert.Equal("ok", IntegrityCheck(options.DatabasePath));
        await using var reopened = await OpenAsync(options);
        var domains = Ok(await reopened.ListDomainsAsync(Admin, CancellationToken.None)).Select(d => d.Name).ToList();
        Assert.Equal(acknowledged.Order(StringComparer.Ordinal), domains.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(refusedDomain, domains);
        Assert.Single(Ok(await reopened.ListKeysAsync(Admin, KeyOwner.ForDomain("example.com"), CancellationToken.None)));
        Ok(await reopened.AddDomainAsync(Admin, "after.example", CancellationToken.None));
        SqliteConnection.ClearAllPools();
    }

    private static async Task<SignetStore> OpenAsync(StoreOptions options)
    {
        var opened = await SignetStore.OpenAsync(options, CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        return opened.Value!;
    }

    private static string IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private static T Ok<T>(StoreResult<T> result)
    {
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }
}
