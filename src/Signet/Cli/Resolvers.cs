using System.CommandLine;
using Signet.Dkim.Lookup;
using Signet.Dns;

namespace Signet.Cli;

/// <summary>Builds the key source the CLI's --resolver and --keys options describe.</summary>
public static class Resolvers
{
    /// <summary>How many times an unanswered query is sent: the first try and the resolver's retries.</summary>
    public static int Attempts { get; } = new DnsResolverOptions().Retries + 1;

    /// <summary>The --timeout option of every command that asks DNS, so each says the same true thing: a silent
    /// server costs timeout × attempts, not the timeout alone.</summary>
    public static Option<string> TimeoutOption() => CliOptions.Value(
        "timeout",
        "D",
        $"how long to wait for each DNS answer (default 5s);\nan unanswered query is tried {Attempts} times in all, so a silent server\n"
        + $"takes timeout × {Attempts} ({Attempts * 5}s by default) before the lookup is a temporary failure");


    public static DnsTxtRecordSource FromOption(string? resolver, string? timeout) => new(OptionsFrom(resolver, timeout, null));

    /// <summary>The resolver options of --resolver, --timeout and --authoritative-port, checked.</summary>
    public static DnsResolverOptions OptionsFrom(string? resolver, string? timeout, string? authoritativePort)
    {
        if (resolver is not null && !DnsResolverOptions.TryParseEndpoint(resolver, out _, out string endpointError))
        {
            throw new CliUsageException($"--resolver {resolver}: {endpointError}");
        }

        int port = 53;
        if (authoritativePort is not null
            && (!int.TryParse(authoritativePort, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw new CliUsageException($"--authoritative-port {authoritativePort}: not a port (1-65535)");
        }

        var options = new DnsResolverOptions
        {
            Servers = resolver is null ? [] : [resolver],
            Timeout = timeout is null ? TimeSpan.FromSeconds(5) : Durations.ParseDuration(timeout, "--timeout"),
            AuthoritativePort = port,
        };
        return options.TryValidate(out string error) ? options : throw new CliUsageException(error);
    }

    public static ITxtRecordSource FromKeysFile(string path) =>
        ZoneFileTxtSource.TryLoad(path, out var source, out string error)
            ? source
            : throw new CliUsageException($"--keys {path}: {error}");
}
