using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Signet.Serve;

/// <summary>Once the console listens, asks <see cref="IFirstRunNotice"/> for the set-up link; when there is one (no
/// administrator yet), prints it on standard output, and logs only that it did: the link is a credential.</summary>
public sealed class FirstRunService(
    IFirstRunNotice notice,
    IServer server,
    IHostApplicationLifetime lifetime,
    ILogger<FirstRunService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            await NotifyAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the check finished: the next start checks again.
        }
#pragma warning disable CA1031 // A failed check must not stop the mail flow; it is logged and the next start tries again.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.FirstRunCheckFailed(exception.Message);
        }
    }

    private async Task NotifyAsync(CancellationToken stoppingToken)
    {
        if (ConsoleAddress() is not { } address)
        {
            return;
        }

        if (await notice.CreateSetupLinkAsync(address, stoppingToken).ConfigureAwait(false) is { } link)
        {
            logger.NoAdministrator();
            await Console.Out.WriteLineAsync($"no administrator yet: open {link}").ConfigureAwait(false);
            await Console.Out.FlushAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first address the console listens on, with the real port when port 0 was asked for.</summary>
    private Uri? ConsoleAddress()
    {
        string? first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return first is not null && Uri.TryCreate(first, UriKind.Absolute, out var uri) ? uri : null;
    }
}
