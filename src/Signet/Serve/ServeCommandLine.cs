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
        ["internal-network"] = $"{ServeConfiguration.MilterSection}:InternalNetworks",
        ["resolver"] = $"{ServeConfiguration.DnsSection}:Servers",
        ["store"] = $"{ServeConfiguration.StoreSection}:ConnectionString",
        ["relay"] = $"{ServeConfiguration.RelaySection}:Listen",
        ["next-hop"] = $"{ServeConfiguration.RelaySection}:NextHop",
        ["milter-socket-group"] = $"{ServeConfiguration.MilterSection}:SocketGroup",
        ["milter-allow-network"] = $"{ServeConfiguration.MilterSection}:AllowNetworkListener",
        ["unauthorized-sender"] = $"{ServeConfiguration.MilterSection}:UnauthorizedSenderAction",
        ["trusted-proxy"] = "TrustedProxies",
    };

    private static readonly HashSet<string> Lists = ["urls", "internal-network", "resolver", "trusted-proxy"];

    public static IReadOnlyDictionary<string, string?> ToConfiguration(IReadOnlyList<string> args)
    {
        var options = CliArguments.Parse(args, Keys.Keys.ToHashSet(), new HashSet<string>());
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (option, key) in Keys)
        {
            if (Lists.Contains(option))
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
}
