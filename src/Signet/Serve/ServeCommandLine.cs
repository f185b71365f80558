using Signet.Cli;

namespace Signet.Serve;

/// <summary>The command-line options of <c>signet serve</c>, each mapped onto the configuration key it sets.</summary>
public static class ServeCommandLine
{
    /// <summary>Option name → configuration key. Options that may be repeated become list keys (<c>Key:0</c>, <c>Key:1</c>…).</summary>
    public static IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>
    {
        ["data"] = "Data",
        ["urls"] = "Urls",
        ["hostname"] = "HostName",
        ["log-format"] = ServeLogFormat.ConfigurationKey,
        ["milter"] = $"{ServeConfiguration.MilterSection}:Listen",
        ["internal-network"] = $"{ServeConfiguration.MailSection}:InternalNetworks",
        ["resolver"] = $"{ServeConfiguration.DnsSection}:Servers",
        ["store"] = $"{ServeConfiguration.StoreSection}:ConnectionString",
        ["relay"] = $"{ServeConfiguration.RelaySection}:Listen",
        ["next-hop"] = $"{ServeConfiguration.RelaySection}:NextHop",
        ["milter-socket-group"] = $"{ServeConfiguration.MilterSection}:SocketGroup",
        ["milter-allow-network"] = $"{ServeConfiguration.MilterSection}:AllowNetworkListener",
        ["unauthorized-sender"] = $"{ServeConfiguration.MailSection}:UnauthorizedSenderAction",
        ["trusted-proxy"] = "TrustedProxies",
        ["tls-certificate"] = "TlsCertificateFile",
        ["tls-key"] = "TlsKeyFile",
    };

    /// <summary>The options that may be repeated; each becomes a list key.</summary>
    public static IReadOnlySet<string> RepeatableOptions { get; } = new HashSet<string> { "urls", "internal-network", "resolver", "trusted-proxy" };

    /// <summary>The option that names the configuration file; the file's settings come below the environment's.</summary>
    public const string ConfigOption = "config";

    /// <summary>Everything <c>signet serve</c> is told on its command line: the configuration file, read, and the
    /// options as configuration keys.</summary>
    public static ServeSources ToSources(IReadOnlyList<string> args) => ToSources(Parse(args));

    /// <inheritdoc cref="ToSources(IReadOnlyList{string})"/>
    public static ServeSources ToSources(CliArguments options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Get(ConfigOption) is not { } path)
        {
            return new ServeSources(null, new Dictionary<string, string?>(), ToConfiguration(options));
        }

        if (!ServeConfigFile.TryRead(path, out var file, out string error))
        {
            throw new CliUsageException(error);
        }

        return new ServeSources(path, file, ToConfiguration(options));
    }

    public static IReadOnlyDictionary<string, string?> ToConfiguration(IReadOnlyList<string> args) => ToConfiguration(Parse(args));

    /// <inheritdoc cref="ToConfiguration(IReadOnlyList{string})"/>
    public static IReadOnlyDictionary<string, string?> ToConfiguration(CliArguments options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (option, key) in Keys)
        {
            if (RepeatableOptions.Contains(option))
            {
                var values = options.GetAll(option);
                for (int i = 0; i < values.Count; i++)
                {
                    settings[$"{key}:{i}"] = values[i];
                }
            }
            else if (options.Get(option) is { } value)
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    // Parsed against the serve command's definition, the one the command line uses.
    private static CliArguments Parse(IReadOnlyList<string> args) =>
        SignetCommandLine.Parse(SignetCommandLine.Commands.Single(c => c.Name == "serve"), args);
}
