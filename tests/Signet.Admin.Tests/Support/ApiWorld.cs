using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Signet.Dkim;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Admin.Tests.Support;

/// <summary>A store on a fresh database with a known set of domains, keys, users and tokens, behind a real Kestrel.
/// <c>mine.example</c> is the domain requests are about; <c>dana</c> administers it, <c>olga</c> administers only
/// <c>theirs.example</c>, <c>sam</c> is a server admin. Each domain and the server have an active, a retiring and a
/// pending key.</summary>
public sealed class ApiWorld : IAsyncDisposable
{
    public const string Mine = "mine.example";
    public const string Theirs = "theirs.example";
    public const string Password = "a long enough password";

    private readonly string _directory;
    private readonly List<string> _secrets = [];

    private ApiWorld(string directory, SignetStore store, InMemoryTxtSource dns)
    {
        _directory = directory;
        Store = store;
        Dns = dns;
    }

    public SignetStore Store { get; }

    public InMemoryTxtSource Dns { get; }

    public ApiHost Host { get; private set; } = null!;

    public Dictionary<string, Guid> Ids { get; } = [];

    public Dictionary<Role, string?> Tokens { get; } = new() { [Role.Anonymous] = null };

    /// <summary>Every private key of the world, as PEM body lines, PKCS#8 DER base64 and (Ed25519) seed base64.</summary>
    public IReadOnlyList<string> Secrets => _secrets;

    public static Actor Admin => Actor.LocalAdministrator;

    /// <summary>A world of its own: a copy of the seeded database (seeding once per backend keeps each of the
    /// hundreds of role-table cells to a file copy or a CREATE DATABASE … TEMPLATE).</summary>
    public static async Task<ApiWorld> CreateAsync(Backend backend, PostgresFixture? postgres)
    {
        var seed = await WorldSeed.For(backend, postgres);
        string directory = Directory.CreateTempSubdirectory("signet-api-").FullName;
        var options = await seed.CopyAsync(directory);
        var dns = new InMemoryTxtSource();
        var opened = await SignetStore.OpenAsync(options, dns, null, CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        var world = new ApiWorld(directory, opened.Value!, dns);
        foreach (var id in seed.Ids)
        {
            world.Ids[id.Key] = id.Value;
        }

        foreach (var token in seed.Tokens)
        {
            world.Tokens[token.Key] = token.Value;
        }

        world._secrets.AddRange(seed.Secrets);
        // Keys of checked messages are looked up in the world's own DNS, never on the network.
        world.Host = await ApiHost.StartAsync(world.Store, services => services.AddSingleton<Signet.Dkim.Lookup.ITxtRecordSource>(dns));
        return world;
    }

    /// <summary>Opens a store on <paramref name="options"/> and fills it; used once per backend by <see cref="WorldSeed"/>.</summary>
    internal static async Task<ApiWorld> SeedNewAsync(string directory, StoreOptions options)
    {
        var opened = await SignetStore.OpenAsync(options, new InMemoryTxtSource(), null, CancellationToken.None);
        Assert.True(opened.Succeeded, opened.Error?.Message);
        var world = new ApiWorld(directory, opened.Value!, new InMemoryTxtSource());
        await world.SeedAsync();
        return world;
    }

    public HttpClient Client(Role role) => Host.Client(Tokens[role]);

    /// <summary>Replaces {name} placeholders with the ids of the seeded keys and users.</summary>
    public string Resolve(string path) => Ids.Aggregate(path, (p, id) => p.Replace("{" + id.Key + "}", id.Value.ToString(), StringComparison.Ordinal));

    public async Task AddSecretsOfAsync(Guid keyId)
    {
        string pem = Ok(await Store.ExportPrivateKeyPemAsync(Admin, keyId, CancellationToken.None));
        AddSecrets(pem);
    }

    public void AddSecrets(string pem)
    {
        var lines = pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).ToList();
        byte[] der = Convert.FromBase64String(string.Concat(lines));
        _secrets.Add(Convert.ToBase64String(der));
        _secrets.AddRange(lines.Where(l => l.Length >= 40));
        if (der.Length == 48)
        {
            _secrets.Add(Convert.ToBase64String(der.AsSpan(16)));
        }
    }

    /// <summary>Overwrites every sealed private key (SQLite worlds), so anything that opens one fails.</summary>
    public async Task CorruptSealedKeysAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "data", StoreOptions.DatabaseFileName)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE keys SET sealed_private_key = X'00'";
        Assert.True(await command.ExecuteNonQueryAsync() > 0);
    }

    public static T Ok<T>(StoreResult<T> result)
    {
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    private async Task SeedAsync()
    {
        var token = CancellationToken.None;
        Ok(await Store.AddDomainAsync(Admin, Mine, token));
        Ok(await Store.AddDomainAsync(Admin, Theirs, token));
        Ok(await Store.UpdateServerSettingsAsync(Admin, "mx.signet.example", true, token));
        await SeedKeysAsync(KeyOwner.ForDomain(Mine), "");
        await SeedKeysAsync(KeyOwner.ForDomain(Theirs), "their");
        await SeedKeysAsync(KeyOwner.Server, "server");
        var sam = Ok(await Store.AddUserAsync(Admin, "sam", UserRole.ServerAdmin, Password, [], token));
        var dana = Ok(await Store.AddUserAsync(Admin, "dana", UserRole.DomainAdmin, Password, [Mine], token));
        var olga = Ok(await Store.AddUserAsync(Admin, "olga", UserRole.DomainAdmin, Password, [Theirs], token));
        var uma = Ok(await Store.AddUserAsync(Admin, "uma", UserRole.DomainAdmin, Password, [Mine], token));
        Ids["sam"] = sam.Id;
        Ids["dana"] = dana.Id;
        Ids["olga"] = olga.Id;
        Ids["uma"] = uma.Id;
        Tokens[Role.ServerAdmin] = Ok(await Store.CreateTokenAsync(Admin, sam.Id, "tests", token));
        Tokens[Role.OwnDomainAdmin] = Ok(await Store.CreateTokenAsync(Admin, dana.Id, "tests", token));
        Tokens[Role.OtherDomainAdmin] = Ok(await Store.CreateTokenAsync(Admin, olga.Id, "tests", token));
        Ok(await Store.CreateTokenAsync(Admin, uma.Id, "uma's script", token));
        Ids["umatoken"] = Ok(await Store.ListTokensAsync(Admin, token)).Single(t => t.UserId == uma.Id).Id;

        // A publisher for mine.example with rotation on (never driven here: no serve runs), its secret never to be answered.
        string secret = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 5 + 3)).ToArray());
        Ok(await Store.AddPublisherAsync(Admin, new PublisherRequest("mine-dns", "127.0.0.2:53", Mine, "signet-update", secret), token));
        Ok(await Store.AddPublisherAsync(Admin, new PublisherRequest("spare-dns", "127.0.0.2:53", Mine, "signet-update", secret), token));
        Ok(await Store.SetRotationSettingsAsync(Admin, Mine, new DomainRotationSettings { Publisher = "mine-dns", Interval = TimeSpan.FromDays(90) }, token));
        _secrets.Add(secret);
    }

    /// <summary>retiring (activated, then replaced), active, pending; named {prefix}retiring, {prefix}active, {prefix}pending.</summary>
    private async Task SeedKeysAsync(KeyOwner owner, string prefix)
    {
        var token = CancellationToken.None;
        var retiring = Ok(await Store.GenerateKeyAsync(Admin, owner, new KeyGenerationRequest("r1", DkimKeyType.Ed25519), token));
        Ok(await Store.ActivateKeyAsync(Admin, retiring.Id, true, token));
        var active = Ok(await Store.GenerateKeyAsync(Admin, owner, new KeyGenerationRequest("s1", DkimKeyType.Ed25519), token));
        Ok(await Store.ActivateKeyAsync(Admin, active.Id, true, token));
        var pending = Ok(await Store.GenerateKeyAsync(Admin, owner, new KeyGenerationRequest("p1", DkimKeyType.Ed25519), token));
        Ids[prefix + "retiring"] = retiring.Id;
        Ids[prefix + "active"] = active.Id;
        Ids[prefix + "pending"] = pending.Id;
        foreach (var id in new[] { retiring.Id, active.Id, pending.Id })
        {
            await AddSecretsOfAsync(id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Under the temp folder; harmless.
        }
    }

    /// <summary>Closes the store but keeps its files, for <see cref="WorldSeed"/> to copy.</summary>
    internal async Task CloseAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}
