using Signet.Dkim.Lookup;
using Signet.Dns;

namespace Signet.Cli;

/// <summary>Builds the key source the CLI's --resolver and --keys options describe.</summary>
public static class Resolvers
{
    /// <summary>How many times an unanswered query is sent: the first try and the resolver's retries.</summary>
    public static int Attempts { get; } = new DnsResolverOptions().Retries + 1;

    /// <summary>The --timeout line of every command that asks DNS, so each says the same true thing: a silent
    /// server costs timeout × attempts, not the timeout alone.</summary>
    public static string TimeoutHelp { get; } =
        $"""
          --timeout D             how long to wait for each DNS answer (default 5s); an unanswered query is
                                  tried {Attempts} times in all, so a silent server takes timeout × {Attempts}
                                  ({Attempts * 5}s by default) before the lookup is a temporary failure
        """;

    public static DnsTxtRecordSource FromOption(string? resolver, string? timeout)
    {
        var options = new DnsResolverOptions
        {
            Servers = resolver is null ? [] : [resolver],
            Timeout = timeout is null ? TimeSpan.FromSeconds(5) : Durations.ParseDuration(timeout, "--timeout"),
        };
        if (resolver is not null && !DnsResolverOptions.TryParseEndpoint(resolver, out _, out string endpointError))
        {
            throw new CliUsageException($"--resolver {resolver}: {endpointError}");
        }

        return options.TryValidate(out string error) ? new DnsTxtRecordSource(options) : throw new CliUsageException(error);
    }

    public static ITxtRecordSource FromKeysFile(string path) =>
        ZoneFileTxtSource.TryLoad(path, out var source, out string error)
            ? source
            : throw new CliUsageException($"--keys {path}: {error}");
}
