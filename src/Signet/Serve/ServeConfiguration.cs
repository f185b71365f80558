using Microsoft.Extensions.Configuration;

namespace Signet.Serve;

/// <summary>Where <c>signet serve</c> reads its settings, lowest precedence first: the defaults in code, appsettings.json
/// beside the program (when there is one), the file given with <c>--config</c> (<see cref="ServeConfigFile"/>),
/// environment variables starting with <c>SIGNET_</c> (<c>SIGNET_MILTER__LISTEN</c> is <c>Milter:Listen</c>;
/// <c>SIGNET_DATA</c> is <c>Data</c>), then the command-line options. Every command-line option
/// is a configuration key, so anything the command line sets can be kept in the file instead.</summary>
public static class ServeConfiguration
{
    public const string EnvironmentPrefix = "SIGNET_";

    public const string SettingsFileName = "appsettings.json";

    public const string MilterSection = "Milter";

    /// <summary>What the milter and the relay share (<see cref="Signet.Mail.MailOptions"/>); the same keys in
    /// <c>Milter</c> or <c>Relay</c> are read too (<see cref="MailSettingAliases"/>).</summary>
    public const string MailSection = "Mail";

    public const string StoreSection = "Store";

    public const string DnsSection = "Dns";

    /// <summary>The SMTP relay; it runs only when this section is configured (at least <c>Relay:NextHop</c>).</summary>
    public const string RelaySection = "Relay";

    /// <summary>ASP.NET Core's own request logs only from warnings up (the format is <see cref="ServeLogFormat"/>'s).
    /// Written here, not in a file beside the program: the
    /// packaged executable lives in /usr/bin.</summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>The environment variable that sets <paramref name="key"/>: <c>Milter:Listen</c> is
    /// <c>SIGNET_MILTER__LISTEN</c> (the provider reads <c>__</c> as <c>:</c>; names are written in capitals).</summary>
    public static string EnvironmentVariable(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();
    }

    /// <summary>Replaces the host's default sources with Signet's own, in order of precedence. A check of the
    /// configuration file alone leaves out the environment and the command line.</summary>
    public static void AddSources(IConfigurationBuilder configuration, string baseDirectory, ServeSources sources)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sources);
        configuration.Sources.Clear();
        configuration
            .AddInMemoryCollection(Defaults)
            .AddJsonFile(Path.Combine(baseDirectory, SettingsFileName), optional: true, reloadOnChange: false)
            .AddInMemoryCollection(sources.File);
        if (sources.Environment)
        {
            configuration.AddEnvironmentVariables(EnvironmentPrefix);
        }

        configuration.AddInMemoryCollection(sources.CommandLine);
    }

    /// <summary>Keys that default to another key's value: the store's data directory to <c>Data</c> (made absolute
    /// against the working directory), the authserv-id to <c>HostName</c>, and the store's DNS servers (used to check
    /// published keys) to <c>Dns:Servers</c>; and the shared mail settings given in their old places
    /// (<c>Milter:AuthservId</c>…) to their <c>Mail</c> keys (<see cref="MailSettingAliases"/>). A key set explicitly
    /// keeps its value.</summary>
    /// <exception cref="InvalidOperationException">A shared mail setting in its old place has a value of the wrong type.</exception>
    public static void AddDerivedDefaults(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var derived = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(configuration[$"{StoreSection}:DataDirectory"]))
        {
            string data = configuration["Data"] is { Length: > 0 } given ? given : new ServeOptions().DataDirectory;
            derived[$"{StoreSection}:DataDirectory"] = Path.GetFullPath(data);
        }

        if (configuration is IConfigurationRoot root)
        {
            foreach (var (key, value) in MailSettingAliases.Resolve(root))
            {
                derived[key] = value;
            }
        }

        if (!MailSettingAliases.IsAuthservIdGiven(configuration) && configuration["HostName"] is { Length: > 0 } hostName)
        {
            derived[$"{MailSection}:AuthservId"] = hostName;
        }

        if (!configuration.GetSection($"{StoreSection}:DnsResolver").Exists())
        {
            foreach (var entry in configuration.GetSection(DnsSection).AsEnumerable(makePathsRelative: true))
            {
                derived[$"{StoreSection}:DnsResolver:{entry.Key}"] = entry.Value;
            }
        }

        configuration.AddInMemoryCollection(derived);
    }
}
