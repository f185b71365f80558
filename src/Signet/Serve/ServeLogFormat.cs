using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Signet.Serve;

/// <summary>How <c>signet serve</c> writes its log (<c>--log-format</c>, <c>SIGNET_LOGFORMAT</c>): <c>plain</c>, one
/// readable line per event; <c>json</c>, one JSON object per line for log shippers; <c>systemd</c>, plain lines with
/// the syslog priority prefix journald reads. The default is systemd under journald (JOURNAL_STREAM is set), plain
/// otherwise.</summary>
public static class ServeLogFormat
{
    public const string ConfigurationKey = "LogFormat";

    public static readonly IReadOnlyList<string> Names = ["plain", "json", "systemd"];

    /// <summary>The format to use: the configured one, else the default for where the output goes.</summary>
    public static string Choose(string? configured) =>
        configured is { Length: > 0 } ? configured.ToLowerInvariant()
        : Environment.GetEnvironmentVariable("JOURNAL_STREAM") is { Length: > 0 } ? "systemd"
        : "plain";

    /// <summary>Adds the console logger in <paramref name="format"/>; an unknown name falls back to plain, and the
    /// options check then refuses the start with the reason.</summary>
    public static void Configure(ILoggingBuilder logging, string format)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        switch (format)
        {
            case "json":
                logging.AddJsonConsole(options =>
                {
                    options.UseUtcTimestamp = true;
                    options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                });
                break;
            case "systemd":
                logging.AddSystemdConsole();
                break;
            default:
                logging.AddSimpleConsole(options =>
                {
                    options.SingleLine = true;
                    options.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
                    options.ColorBehavior = LoggerColorBehavior.Disabled;
                });
                break;
        }
    }
}
