using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Signet.Mail.Processing;
using Signet.Milter;
using Signet.Milter.Dkim;
using Signet.Milter.Server;

namespace Signet.Serve;

/// <summary>The milter as a hosted service: listens at start; at stop, lets every connection finish the message it
/// is in, until the host's shutdown timeout cuts the rest.</summary>
public sealed class MilterService : IHostedService, IAsyncDisposable
{
    private readonly MilterServer _server;
    private readonly ServeOptions _serve;
    private readonly ILogger _logger;
    private volatile bool _listening;

    public MilterService(
        IOptions<MilterOptions> milter,
        IOptions<ServeOptions> serve,
        DkimMessageProcessor processor,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(milter);
        ArgumentNullException.ThrowIfNull(serve);
        ArgumentNullException.ThrowIfNull(loggers);
        Processor = processor ?? throw new ArgumentNullException(nameof(processor));
        var factory = new DkimMilterFilterFactory(milter.Value, processor);
        _server = new MilterServer(milter.Value, factory, loggers.CreateLogger("Signet.Milter"));
        _serve = serve.Value;
        _logger = loggers.CreateLogger<MilterService>();
        Listen = milter.Value.Listen;
    }

    /// <summary>The DKIM step the milter feeds: the one every front end of this host shares.</summary>
    public DkimMessageProcessor Processor { get; }

    /// <summary>The configured endpoint, as written.</summary>
    public string Listen { get; }

    /// <summary>Where the milter listens, once started.</summary>
    public EndPoint? LocalEndPoint => _listening ? _server.LocalEndPoint : null;

    public bool IsListening => _listening;

    public int SessionCount => _server.SessionCount;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            // The socket's own message ("Address already in use") does not say which address: a person needs both.
            throw new IOException($"milter on {Listen}: {exception.Message.TrimEnd('.').ToLowerInvariant()}", exception);
        }

        _listening = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _logger.Stopping(_serve.ShutdownTimeout);
        await _server.StopAsync(cancellationToken).ConfigureAwait(false);
        _listening = false;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
