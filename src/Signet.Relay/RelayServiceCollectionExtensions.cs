using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Signet.Mail;
using Signet.Mail.Processing;

namespace Signet.Relay;

/// <summary>How a host (<c>signet serve</c>) runs the relay: options checked at registration, a <see cref="RelayServer"/>
/// built from the host's services, started and stopped with the host.</summary>
public static class RelayServiceCollectionExtensions
{
    /// <summary>Registers the relay. The host registers the <see cref="DkimMessageProcessor"/> the relay feeds (the same
    /// one the milter feeds, so both use one verifier and one key cache, built from one <see cref="MailOptions"/>), and
    /// <see cref="IRelayUserAuthenticator"/> when <see cref="RelayOptions.Authentication"/> is on.</summary>
    /// <exception cref="ArgumentException">The options are not usable; the message lists every problem.</exception>
    public static IServiceCollection AddSignetRelay(this IServiceCollection services, RelayOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid relay options: " + string.Join("; ", errors), nameof(options));
        }

        services.AddSingleton(options);
        services.AddSingleton(provider =>
        {
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger("Signet.Relay");
            var authenticator = provider.GetService<IRelayUserAuthenticator>();
            return new RelayServer(options, provider.GetRequiredService<DkimMessageProcessor>(), authenticator, logger);
        });
        services.AddHostedService<RelayHostedService>();
        return services;
    }
}
