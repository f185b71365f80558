using Microsoft.Extensions.Hosting;

namespace Signet.Relay;

/// <summary>Starts the relay with the host and stops it with the host's shutdown timeout.</summary>
internal sealed class RelayHostedService(RelayServer server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => server.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);
}
