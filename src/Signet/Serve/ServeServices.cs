using System.Diagnostics.CodeAnalysis;
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
        // Each Bind is at a call site with its record's type, so the configuration binder's source generator binds it
        // (no reflection, which Native AOT removes); a misspelt key in a component's own section fails start instead
        // of being silently ignored.
        var mail = configuration.GetSection(ServeConfiguration.MailSection);
        var milter = MailSettingAliases.WithoutAliases(configuration.GetSection(ServeConfiguration.MilterSection));
        var dns = configuration.GetSection(ServeConfiguration.DnsSection);
        var store = configuration.GetSection(ServeConfiguration.StoreSection);
        services.AddOptions<ServeOptions>().Bind(configuration)
            .Validated(services, configuration, string.Empty, o => o.Validate());
        services.AddOptions<MailOptions>().Bind(mail, Strictly)
            .Validated(services, mail, ServeConfiguration.MailSection, o => o.Validate());
        services.AddOptions<MilterOptions>().Bind(milter, Strictly)
            .Validated(services, milter, ServeConfiguration.MilterSection, o => o.Validate());
        services.AddOptions<DnsResolverOptions>().Bind(dns, Strictly)
            .Validated(services, dns, ServeConfiguration.DnsSection, ErrorOf<DnsResolverOptions>(o => (o.TryValidate(out string e), e)));
        services.AddOptions<StoreOptions>().Bind(store, Strictly)
            .Validated(services, store, ServeConfiguration.StoreSection, ErrorOf<StoreOptions>(o => (o.TryValidate(out string e), e)));
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
        var relay = own.Get<RelayOptions>(Strictly) ?? new RelayOptions();
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

    private static void Strictly(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;

    /// <summary>What every bound options record gets after its Bind: configured lists that replace the defaults, and
    /// its own checks run at start.</summary>
    private static void Validated<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this OptionsBuilder<TOptions> builder, IServiceCollection services, IConfiguration section, string name, Func<TOptions, IEnumerable<string>> validate)
        where TOptions : class
    {
        builder.Configure(options => ConfiguredLists.Replace(section, options)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new OptionsRecordValidator<TOptions>(name, validate));
    }

    private static Func<TOptions, IEnumerable<string>> ErrorOf<TOptions>(Func<TOptions, (bool Valid, string Error)> check) =>
        options => check(options) is (false, var error) ? [error] : [];
}
