using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Signet.Admin;
using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Dns;
using Signet.Mail;
using Signet.Mail.Policy;
using Signet.Mail.Processing;
using Signet.Milter;
using Signet.Relay;
using Signet.Store;
using Signet.Store.Security;

namespace Signet.Serve;

/// <summary>What <c>signet serve</c> puts in the container: one options record per component, bound from its
/// configuration section and validated at start; the store; the milter with the store-backed signing policy; the
/// rotation and first-run background services; the console and the API.</summary>
public static class ServeServices
{
    public static IServiceCollection AddSignetServe(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<ServeOptions>(configuration, string.Empty, o => o.Validate());
        services.AddValidatedOptions<MailOptions>(configuration.GetSection(ServeConfiguration.MailSection), ServeConfiguration.MailSection, o => o.Validate());
        services.AddValidatedOptions<MilterOptions>(
            MailSettingAliases.WithoutAliases(configuration.GetSection(ServeConfiguration.MilterSection)), ServeConfiguration.MilterSection, o => o.Validate());
        services.AddValidatedOptions<DnsResolverOptions>(configuration.GetSection(ServeConfiguration.DnsSection), ServeConfiguration.DnsSection, ErrorOf<DnsResolverOptions>(o => (o.TryValidate(out string e), e)));
        services.AddValidatedOptions<StoreOptions>(configuration.GetSection(ServeConfiguration.StoreSection), ServeConfiguration.StoreSection, ErrorOf<StoreOptions>(o => (o.TryValidate(out string e), e)));
        services.AddOptions<HostOptions>().Configure<IOptions<ServeOptions>>((host, serve) => host.ShutdownTimeout = serve.Value.ShutdownTimeout);

        services.TryAddSingleton(TimeProvider.System);
        // One key lookup with one cache for everything that verifies (milter, relay, the console's message check), and
        // one organizational-domain resolver on top of it: a key fetched for one front end is cached for the others.
        services.TryAddSingleton<ITxtRecordSource>(provider =>
            new DnsTxtRecordSource(provider.GetRequiredService<IOptions<DnsResolverOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IOrganizationalDomainResolver>(provider =>
            new DmarcTreeWalkResolver(new DmarcTreeWalk(provider.GetRequiredService<ITxtRecordSource>())));
        // One limiter for every front end that checks a password (console sign-in, relay SMTP AUTH).
        services.TryAddSingleton<SignInThrottle>();
        services.AddSingleton<OpenedStore>();
        services.AddSingleton<ISignetStore>(provider => provider.GetRequiredService<OpenedStore>().Store);
        services.AddSingleton<IMailSigningPolicy>(provider => new StoreSigningPolicy(
            provider.GetRequiredService<OpenedStore>().Snapshots, provider.GetRequiredService<ILogger<StoreSigningPolicy>>()));
        // One DKIM step for every front end: one verifier, so one parsed-key cache, and one set of mail settings.
        services.AddSingleton(provider => new DkimMessageProcessor(
            provider.GetRequiredService<IOptions<MailOptions>>().Value,
            provider.GetRequiredService<IMailSigningPolicy>(),
            provider.GetRequiredService<ITxtRecordSource>(),
            provider.GetRequiredService<IOrganizationalDomainResolver>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Signet.Mail"),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<MilterService>();
        services.AddHostedService(provider => provider.GetRequiredService<MilterService>());
        services.AddHostedService<RotationService>();
        services.AddHostedService<FirstRunService>();

        AddRelay(services, configuration.GetSection(ServeConfiguration.RelaySection));
        services.AddSignetAdmin();
        services.TryAddSingleton<IFirstRunNotice, ConsoleFirstRunNotice>();
        return services;
    }

    /// <summary>The SMTP relay, when configured: the same DKIM step as the milter (one <see cref="DkimMessageProcessor"/>),
    /// and SMTP AUTH against the store's users.</summary>
    private static void AddRelay(IServiceCollection services, IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return;
        }

        var own = MailSettingAliases.WithoutAliases(section);
        var relay = own.Get<RelayOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new RelayOptions();
        ConfiguredLists.Replace(own, relay);
        var errors = relay.Validate();
        if (errors.Count > 0)
        {
            // Reported like every other invalid option: one line, exit 2.
            throw new InvalidOperationException($"{ServeConfiguration.RelaySection}: {string.Join("; ", errors)}");
        }

        services.TryAddSingleton<IRelayUserAuthenticator, StoreRelayUserAuthenticator>();
        services.AddSignetRelay(relay);
    }

    private static void AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration section, string name, Func<TOptions, IEnumerable<string>> validate)
        where TOptions : class
    {
        // A misspelt key in a component's own section fails start instead of being silently ignored.
        bool strict = name.Length > 0;
        services.AddOptions<TOptions>()
            .Bind(section, binder => binder.ErrorOnUnknownConfiguration = strict)
            .Configure(options => ConfiguredLists.Replace(section, options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new OptionsRecordValidator<TOptions>(name, validate));
    }

    private static Func<TOptions, IEnumerable<string>> ErrorOf<TOptions>(Func<TOptions, (bool Valid, string Error)> check) =>
        options => check(options) is (false, var error) ? [error] : [];
}
