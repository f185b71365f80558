using Signet.Dkim.Lookup;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Store.Tests.Support;

/// <summary>A store on a fresh database of one backend, with DNS answered from a table and a clock the test moves.</summary>
public sealed class StoreHarness : IAsyncDisposable
{
    private StoreHarness(StoreOptions options, SignetStore store, InMemoryTxtSource dns, ManualTimeProvider time)
    {
        Options = options;
        Store = store;
        Dns = dns;
        Time = time;
    }

    public static CancellationToken Token => CancellationToken.None;

    public StoreOptions Options { get; }

    public SignetStore Store { get; }

    public InMemoryTxtSource Dns { get; }

    public ManualTimeProvider Time { get; }

    public static Actor Admin => Actor.LocalAdministrator;

    public static async Task<StoreOptions> NewOptionsAsync(Backend backend, PostgresFixture postgres) => new()
    {
        DataDirectory = Path.Combine(Directory.CreateTempSubdirectory("signet-store-").FullName, "data"),
        ConnectionString = backend == Backend.Postgres ? await postgres.CreateDatabaseAsync(Token) : null,
    };

    public static async Task<StoreHarness> OpenAsync(Backend backend, PostgresFixture postgres, ITxtRecordSource? dns = null)
    {
        var options = await NewOptionsAsync(backend, postgres);
        return await OpenAsync(options, dns);
    }

    public static async Task<StoreHarness> OpenAsync(StoreOptions options, ITxtRecordSource? dns = null)
    {
        var table = new InMemoryTxtSource();
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var opened = await SignetStore.OpenAsync(options, dns ?? table, time, Token);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        return new StoreHarness(options, opened.Value!, table, time);
    }

    public async Task<KeyEntry> AddDomainWithKeyAsync(string domain, string selector = "s1", Dkim.DkimKeyType type = Dkim.DkimKeyType.Ed25519)
    {
        var added = await Store.AddDomainAsync(Admin, domain, Token);
        Assert.True(added.Succeeded || added.Error!.Kind == StoreErrorKind.Conflict, added.Error?.Message);
        return Ok(await Store.GenerateKeyAsync(Admin, KeyOwner.ForDomain(domain), new KeyGenerationRequest(selector, type), Token));
    }

    public void Publish(KeyEntry key) => Dns.Add(key.RecordName, KeyRecords.ValueFor(key));

    public async Task<KeyEntry> AddActiveKeyAsync(string domain, string selector = "s1", Dkim.DkimKeyType type = Dkim.DkimKeyType.Ed25519)
    {
        var key = await AddDomainWithKeyAsync(domain, selector, type);
        return Ok(await Store.ActivateKeyAsync(Admin, key.Id, true, Token));
    }

    public static T Ok<T>(StoreResult<T> result)
    {
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    public static StoreError Fails<T>(StoreResult<T> result, StoreErrorKind kind)
    {
        Assert.False(result.Succeeded, "the operation succeeded");
        Assert.Equal(kind, result.Error!.Kind);
        return result.Error;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path.GetDirectoryName(Options.DataDirectory)!, recursive: true);
        }
        catch (IOException)
        {
            // Under the temp folder; harmless.
        }
    }
}
