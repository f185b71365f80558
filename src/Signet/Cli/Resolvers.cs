using Signet.Dkim.Lookup;
using Signet.Dns;

namespace Signet.Cli;

/// <summary>Builds the key source the CLI's --resolver and --keys options describe.</summary>
public static class Resolvers
{
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
