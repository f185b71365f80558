using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Signet.Admin.Console;
using Signet.Admin.Console.Setup;
using Signet.Dkim.Lookup;
using Signet.Dns;
using Signet.Store;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Console.Tests.Support;

/// <summary>The console as a user reaches it: real Kestrel on 127.0.0.1 on a free port, over a real store on SQLite in
/// a temporary directory, with DNS lookups going to the given server (a loopback nsd) or to nowhere.</summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TemporaryDirectory _directory;

    private ConsoleHost(WebApplication app, TemporaryDirectory directory, SignetStore store, string baseUrl)
    {
        _app = app;
        _directory = directory;
        Store = store;
        BaseUrl = baseUrl;
    }

    public static CancellationToken Token => CancellationToken.None;

    public SignetStore Store { get; }

    public string BaseUrl { get; }

    public FirstRunSetup Setup => _app.Services.GetRequiredService<FirstRunSetup>();

    public static async Task<ConsoleHost> StartAsync(AuthoritativeDnsServer? dns = null)
    {
        var directory = new TemporaryDirectory();
        // Without a test DNS server, lookups go to a loopback port where nothing answers: tests never leave the machine.
        string server = dns?.Endpoint.ToString() ?? "127.0.0.1:9";
        var resolver = new DnsResolverOptions { Servers = [server], UseCache = false, Timeout = TimeSpan.FromSeconds(2), Retries = 0 };
        var source = new DnsTxtRecordSource(resolver);
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = directory.File("data"), DnsResolver = resolver }, source, null, Token);
        var store = opened.Value ?? throw new InvalidOperationException(opened.Error!.Message);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<ISignetStore>(store);
        builder.Services.AddSingleton<ITxtRecordSource>(source);
        builder.Services.AddSignetConsole();
        var app = builder.Build();
        app.MapSignetConsole();
        await app.StartAsync(Token);
        string baseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ConsoleHost(app, directory, store, baseUrl);
    }

    /// <summary>A user made directly in the store, for tests that start after set-up.</summary>
    public async Task<UserEntry> AddUserAsync(string name, string password, UserRole role, params string[] domains)
    {
        var result = await Store.AddUserAsync(Actor.LocalAdministrator, name, role, password, domains, Token);
        return result.Value ?? throw new InvalidOperationException(result.Error!.Message);
    }

    public async Task AddDomainAsync(string domain)
    {
        var result = await Store.AddDomainAsync(Actor.LocalAdministrator, domain, Token);
        Assert.True(result.Succeeded, result.Error?.Message);
    }

    public string Url(string path) => BaseUrl + path;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(Token);
        await _app.DisposeAsync();
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
