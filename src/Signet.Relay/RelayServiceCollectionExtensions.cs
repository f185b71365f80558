using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Mail.Policy;
using Signet.Mail.Processing;

namespace Signet.Relay;

/// <summary>How a host (<c>signet serve</c>) runs the relay: options checked at registration, a <see cref="RelayServer"/>
/// built from the host's services, started and stopped with the host.</summary>
public static class RelayServiceCollectionExtensions
{
    /// <summary>Registers the relay. The host provides <see cref="IMailSigningPolicy"/>, <see cref="ITxtRecordSource"/>
    /// and <see cref="IOrganizationalDomainResolver"/> (the same the milter uses), and <see cref="IRelayUserAuthenticator"/>
    /// when <see cref="RelayOptions.Authentication"/> is on; a registered <see cref="DkimMessageProcessor"/> is shared,
    /// so relay and milter use one verifier and one key cache.</summary>
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
            var processor = provider.GetService<DkimMessageProcessor>();
            return processor is not null
                ? new RelayServer(options, processor, authenticator, logger)
                : new RelayServer(options, provider.GetRequiredService<IMailSigningPolicy>(), provider.GetRequiredService<ITxtRecordSource>(),
                    provider.GetRequiredService<IOrganizationalDomainResolver>(), authenticator, logger, provider.GetService<TimeProvider>());
        });
        services.AddHostedService<RelayHostedService>();
        return services;
    }
}
