using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Signet.Admin;
using Signet.Dkim;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Reliability.Tests.Security;

/// <summary>The console and the API as serve maps them, on a real Kestrel on loopback, over a SQLite store with
/// mine.example (administered by dana) and theirs.example (by olga), sam the server admin, a pending and an active
/// key for mine.example and for the server, and an API token per user.</summary>
internal sealed class SecurityWorld : IAsyncDisposable
{
    public const string Mine = "mine.example";

    /// <summary>The TSIG secret of the seeded publisher mine-dns: no answer may ever carry it.</summary>
    public static readonly string PublisherSecret = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 3 + 1)).ToArray());
    public const string Theirs = "theirs.example";
    public const string Password = "a long enough password";

    private readonly TemporaryDirectory _directory;
    private readonly WebApplication _app;

    private SecurityWorld(TemporaryDirectory directory, SignetStore store, WebApplication app, Uri address)
    {
        _directory = directory;
        Store = store;
        _app = app;
        Address = address;
    }

    public SignetStore Store { get; }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public Dictionary<string, Guid> Ids { get; } = [];

    public Dictionary<Caller, string> Tokens { get; } = [];

    /// <summary>Starts the world; <paramref name="decorate"/> may put something between the console and the store
    /// (a store that fails some reads, for outage tests).</summary>
    public static async Task<SecurityWorld> StartAsync(Func<ISignetStore, ISignetStore>? decorate = null)
    {
        // Every world starts from a copy of one seeded data folder: seeding hashes four passwords with Argon2id, which
        // was most of a world's cost, and the endpoint sweep starts hundreds of worlds.
        var template = await SeededTemplate.Value;
        var directory = new TemporaryDirectory();
        string data = Path.Combine(directory.Path, "data");
        CopyFolder(template.DataPath, data);
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = data }, new InMemoryTxtSource(), null, CancellationToken.None);
        var store = opened.Value ?? throw new InvalidOperationException(opened.Error!.Message);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(decorate is null ? store : decorate(store));
        builder.Services.AddSingleton<Signet.Dkim.Lookup.ITxtRecordSource>(new InMemoryTxtSource());
        builder.Services.AddSignetAdmin();
        var app = builder.Build();
        app.MapSignetAdmin();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var world = new SecurityWorld(directory, store, app, new Uri(address));
        foreach (var (name, id) in template.Ids)
        {
            world.Ids[name] = id;
        }

        foreach (var (caller, token) in template.Tokens)
        {
            world.Tokens[caller] = token;
        }

        return world;
    }

    /// <summary>The seeded data folder every world copies, made once per test run, with the ids and tokens seeding gave.</summary>
    private static readonly Lazy<Task<Template>> SeededTemplate = new(SeedTemplateAsync);

    private sealed record Template(string DataPath, Dictionary<string, Guid> Ids, Dictionary<Caller, string> Tokens);

    private static async Task<Template> SeedTemplateAsync()
    {
        var directory = new TemporaryDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        string data = Path.Combine(directory.Path, "data");
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = data }, new InMemoryTxtSource(), null, CancellationToken.None);
        var store = opened.Value ?? throw new InvalidOperationException(opened.Error!.Message);
        var ids = new Dictionary<string, Guid>();
        var tokens = new Dictionary<Caller, string>();
        await SeedAsync(store, ids, tokens);
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        return new Template(data, ids, tokens);
    }

    /// <summary>Copies the data folder file by file, keeping the owner-only modes the store insists on.</summary>
    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (string file in Directory.GetFiles(from))
        {
            string target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }

        foreach (string folder in Directory.GetDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }

    /// <summary>Fills {placeholders} of a route pattern with things of mine.example (or the server, or uma); a token
    /// route gets the calling user's own token (server admin's for anonymous callers), a publisher route spare-dns
    /// (which no domain uses, so it can be removed).</summary>
    public string Fill(string pattern, Caller caller = Caller.ServerAdmin)
    {
        if (pattern.Contains("/publishers/{name}", StringComparison.Ordinal))
        {
            return pattern.Replace("{name}", "spare-dns", StringComparison.Ordinal);
        }

        if (pattern.Contains("tokens/{id", StringComparison.Ordinal))
        {
            var own = caller == Caller.Anonymous ? Caller.ServerAdmin : caller;
            return System.Text.RegularExpressions.Regex.Replace(pattern, @"\{id(:[a-z]+)?\}", Ids["token:" + own].ToString());
        }

        string path = pattern
            .Replace("{domain}", Mine, StringComparison.Ordinal)
            .Replace("{action}", "activate", StringComparison.Ordinal);
        bool server = pattern.Contains("/server", StringComparison.Ordinal);
        bool user = pattern.StartsWith("/api/users", StringComparison.Ordinal);
        string id = (user ? Ids["uma"] : server ? Ids["serverpending"] : Ids["pending"]).ToString();
        return System.Text.RegularExpressions.Regex.Replace(path, @"\{[a-zA-Z]+(:[a-z]+)?\}", id);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private static async Task SeedAsync(SignetStore store, Dictionary<string, Guid> ids, Dictionary<Caller, string> tokens)
    {
        var admin = Actor.LocalAdministrator;
        var none = CancellationToken.None;
        Ok(await store.AddDomainAsync(admin, Mine, none));
        Ok(await store.AddDomainAsync(admin, Theirs, none));
        Ok(await store.UpdateServerSettingsAsync(admin, "mx.signet.example", true, none));
        foreach (var (owner, prefix) in new[] { (KeyOwner.ForDomain(Mine), ""), (KeyOwner.ForDomain(Theirs), "their"), (KeyOwner.Server, "server") })
        {
            var active = Ok(await store.GenerateKeyAsync(admin, owner, new KeyGenerationRequest("s1", DkimKeyType.Ed25519), none));
            Ok(await store.ActivateKeyAsync(admin, active.Id, true, none));
            var pending = Ok(await store.GenerateKeyAsync(admin, owner, new KeyGenerationRequest("p1", DkimKeyType.Ed25519), none));
            ids[prefix + "active"] = active.Id;
            ids[prefix + "pending"] = pending.Id;
        }

        var users = new[] { ("sam", UserRole.ServerAdmin, Array.Empty<string>(), Caller.ServerAdmin), ("dana", UserRole.DomainAdmin, [Mine], Caller.OwnDomainAdmin), ("olga", UserRole.DomainAdmin, [Theirs], Caller.OtherDomainAdmin) };
        foreach (var (name, role, domains, caller) in users)
        {
            var user = Ok(await store.AddUserAsync(admin, name, role, Password, domains, none));
            ids[name] = user.Id;
            tokens[caller] = Ok(await store.CreateTokenAsync(admin, user.Id, "security tests", none));
            ids["token:" + caller] = Ok(await store.ListTokensAsync(admin, none)).Single(t => t.UserId == user.Id).Id;
        }

        ids["uma"] = Ok(await store.AddUserAsync(admin, "uma", UserRole.DomainAdmin, Password, [Mine], none)).Id;
        Ok(await store.AddPublisherAsync(admin, new PublisherRequest("mine-dns", "127.0.0.2:53", Mine, "signet-update", PublisherSecret), none));
        Ok(await store.AddPublisherAsync(admin, new PublisherRequest("spare-dns", "127.0.0.2:53", Mine, "signet-update", PublisherSecret), none));
        Ok(await store.SetRotationSettingsAsync(admin, Mine, new DomainRotationSettings { Publisher = "mine-dns", Interval = TimeSpan.FromDays(90) }, none));
    }

    public static string UserName(Caller caller) => caller switch
    {
        Caller.ServerAdmin => "sam",
        Caller.OwnDomainAdmin => "dana",
        Caller.OtherDomainAdmin => "olga",
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    private static T Ok<T>(StoreResult<T> result) => result.Succeeded ? result.Value! : throw new InvalidOperationException(result.Error!.Message);
}

/// <summary>Who calls: nobody, a server admin, the admin of mine.example, the admin of another domain only.</summary>
internal enum Caller
{
    Anonymous,
    ServerAdmin,
    OwnDomainAdmin,
    OtherDomainAdmin,
}
