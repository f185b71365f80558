using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Signet.Admin;
using Signet.Store;
using Signet.Testing;

namespace Signet.Tests.Operations;

/// <summary>The console and the API as serve maps them, on Kestrel on loopback over an empty SQLite store: the routes
/// from the host's endpoint data source and the operations of the OpenAPI document it serves.</summary>
internal sealed class AdminSurface : IAsyncDisposable
{
    private readonly TemporaryDirectory _directory;
    private readonly SignetStore _store;
    private readonly WebApplication _app;

    private AdminSurface(TemporaryDirectory directory, SignetStore store, WebApplication app)
    {
        _directory = directory;
        _store = store;
        _app = app;
    }

    public static async Task<AdminSurface> StartAsync()
    {
        var directory = new TemporaryDirectory();
        var opened = await SignetStore.OpenAsync(new StoreOptions { DataDirectory = Path.Combine(directory.Path, "data") }, new InMemoryTxtSource(), null, CancellationToken.None);
        var store = opened.Value ?? throw new InvalidOperationException(opened.Error!.Message);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ISignetStore>(store);
        builder.Services.AddSingleton<Signet.Dkim.Lookup.ITxtRecordSource>(new InMemoryTxtSource());
        builder.Services.AddSignetAdmin();
        var app = builder.Build();
        app.MapSignetAdmin();
        await app.StartAsync();
        return new AdminSurface(directory, store, app);
    }

    /// <summary>Every (method, route pattern) the host maps, constraints dropped: <c>{id:guid}</c> reads <c>{id}</c>.</summary>
    public IReadOnlyList<string> Routes() =>
        _app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => m + " " + RouteForms.Normalize("/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every operation of the served /api/openapi.json as "METHOD /path".</summary>
    public async Task<IReadOnlyList<string>> ApiOperationsAsync()
    {
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative)));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => method.Name.ToUpperInvariant() + " " + RouteForms.Normalize(path.Name)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
        _directory.Dispose();
    }
}
