using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Signet.Serve;

/// <summary>The console behind a reverse proxy. X-Forwarded-For and X-Forwarded-Proto are believed only from the
/// addresses in <see cref="ServeOptions.TrustedProxies"/>: then the client address (which the sign-in throttle counts)
/// and the scheme (which makes cookies <c>Secure</c>) are the proxy's word. From any other address they are ignored,
/// so a client cannot choose its throttled address. With no trusted proxy nothing is believed (ASP.NET Core would
/// otherwise trust loopback by default). A request that is https, directly or through a trusted proxy, gets HSTS.</summary>
public static class ProxyHeaders
{
    /// <summary>A year, the value browsers' preload lists ask for (RFC 6797 §6.1.1 leaves it to the site); without
    /// includeSubDomains, since other services of the domain are not ours to decide for.</summary>
    public static readonly TimeSpan StrictTransportSecurityMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddSignetProxyHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ServeOptions>>((forwarded, serve) =>
        {
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            var trusted = serve.Value.TrustedProxies ?? [];
            foreach (string entry in trusted)
            {
                if (TryParse(entry, out var network, out _))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }

            forwarded.ForwardedHeaders = trusted.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the hop the trusted proxy added: earlier entries are whatever the client wrote.
            forwarded.ForwardLimit = 1;
        });
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = StrictTransportSecurityMaxAge;
            hsts.IncludeSubDomains = false;
            // ASP.NET Core leaves out localhost by default; a console reached over https on any name should get it.
            hsts.ExcludedHosts.Clear();
        });
        return services;
    }

    /// <summary>Forwarded headers first, so everything after sees the real client and scheme; then HSTS.</summary>
    public static WebApplication UseSignetProxyHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseHsts();
        return app;
    }

    /// <summary>An address (<c>127.0.0.1</c>, <c>::1</c>) or a network (<c>10.0.0.0/8</c>).</summary>
    public static bool TryParse(string text, out System.Net.IPNetwork network, out string error)
    {
        text = (text ?? string.Empty).Trim();
        if (IPAddress.TryParse(text, out var address))
        {
            network = new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            error = string.Empty;
            return true;
        }

        if (text.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(text, out network))
        {
            error = string.Empty;
            return true;
        }

        network = default;
        error = $"\"{text}\" is not an IP address or network (such as 127.0.0.1, ::1 or 10.0.0.0/8)";
        return false;
    }
}
