using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Signet.Tests.Commands.Remote;

/// <summary>A loopback HTTP forwarder in front of a running server that counts the requests it passes on: what a
/// client costs the server, seen from outside the client.</summary>
internal sealed class CountingProxy : IAsyncDisposable
{
    // Hop-by-hop fields (RFC 9110 §7.6.1) and the ones the forwarder sets itself are not copied.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Content-Length",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private int _requests;

    private CountingProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    /// <summary>The address to give the client instead of the server's.</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>The requests forwarded since the last <see cref="Reset"/>.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public void Reset() => Interlocked.Exchange(ref _requests, 0);

    public static async Task<CountingProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new CountingProxy(app, new HttpClient { BaseAddress = upstream });
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            new Uri(context.Request.Path.ToUriComponent().TrimStart('/') + context.Request.QueryString.ToUriComponent(), UriKind.Relative));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers.Where(h => !NotForwarded.Contains(h.Key)))
        {
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !NotForwarded.Contains(h.Key)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
