using Signet.Cli;
using Signet.Dns;
using Signet.Store;

namespace Signet.Commands.Store;

/// <summary>Opens the store the command line points at: <c>--data DIR</c> (else <c>$SIGNET_DATA</c>, else
/// <c>./data</c>), and <c>--store</c> for a PostgreSQL connection string.</summary>
public static class StoreOpening
{
    public const string DataVariable = "SIGNET_DATA";

    /// <summary>The data directory: <c>--data</c>, else <c>$SIGNET_DATA</c>, else <c>./data</c>.</summary>
    public static string DataDirectoryOf(CliArguments options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Get("data") ?? (Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : "./data");
    }

    /// <summary>The store: the API of a running signet serve with --server-url and --token-file, else the local one.</summary>
    public static async Task<ISignetStore> OpenAsync(CliArguments options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Remote.RemoteServer.IsRequested(options))
        {
            return Remote.RemoteServer.Open(options);
        }

        return await OpenLocalAsync(options, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<SignetStore> OpenLocalAsync(CliArguments options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        string data = DataDirectoryOf(options);
        var resolver = new DnsResolverOptions();
        if (options.Get("resolver") is { } server)
        {
            if (!DnsResolverOptions.TryParseEndpoint(server, out _, out string endpointError))
            {
                throw new CliUsageException($"--resolver {server}: {endpointError}");
            }

            resolver = resolver with { Servers = [server] };
        }

        var storeOptions = new StoreOptions { DataDirectory = data, ConnectionString = options.Get("store"), DnsResolver = resolver };
        var opened = await SignetStore.OpenAsync(storeOptions, cancellationToken).ConfigureAwait(false);
        if (!opened.TryGetValue(out var value, out var error))
        {
            throw new StoreCommandException(error);
        }

        return value;
    }
}
