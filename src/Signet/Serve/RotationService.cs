using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Signet.Store.Access;
using Signet.Store.Rotation;

namespace Signet.Serve;

/// <summary>Advances key rotations in the background: every <see cref="ServeOptions.RotationInterval"/> it asks the
/// store to check DNS for pending keys and rotations, switch those whose record is published, and revoke old keys
/// whose period has passed; then it drives the hands-off rotations of domains with a publisher
/// (<see cref="AutomaticRotationDriver"/>). A failed round is logged and tried again at the next tick.</summary>
public sealed class RotationService(OpenedStore store, IOptions<ServeOptions> options, TimeProvider time, ILogger<RotationService> logger)
    : BackgroundService
{
    // Names this process among the nodes sharing one database, for the rotation lease; a serve restarted on this host
    // after a crash takes over the lease its dead predecessor held.
    private readonly string _node = RotationNode.ForThisProcess();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RotationInterval, time);
        do
        {
            await AdvanceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task AdvanceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await store.Store.AdvanceRotationsAsync(Actor.LocalAdministrator, stoppingToken).ConfigureAwait(false);
            if (!result.TryGetValue(out var value, out var error))
            {
                logger.RotationFailed(error.Message);
                return;
            }

            foreach (var rotation in value)
            {
                logger.RotationAdvanced(rotation.Id, rotation.Step.ToString(), rotation.Explanation);
            }

            var driver = new AutomaticRotationDriver(store.Store, time, _node);
            foreach (string line in await driver.AdvanceAsync(stoppingToken).ConfigureAwait(false))
            {
                logger.AutomaticRotationAdvanced(line);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the next start picks up where this left off.
        }
#pragma warning disable CA1031 // A background loop must outlive one failed round; the fault is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.RotationFailed(exception.Message);
        }
    }
}
