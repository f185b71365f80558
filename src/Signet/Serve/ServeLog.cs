using Microsoft.Extensions.Logging;

namespace Signet.Serve;

/// <summary>Every log line of <c>signet serve</c> itself, with stable event ids (4xxx); the milter and the store log
/// their own. No private key, b= value or message body is ever logged.</summary>
internal static partial class ServeLog
{
    [LoggerMessage(4000, LogLevel.Information, "Signet serving: console and API on {Urls}, milter on {MilterEndpoint}, data in {DataDirectory}, store {StoreKind}")]
    public static partial void Serving(this ILogger logger, string urls, string milterEndpoint, string dataDirectory, string storeKind);

    // The link itself grants the first server-admin account: it goes to the terminal only, never into a log store.
    [LoggerMessage(4001, LogLevel.Warning, "No administrator yet: the one-time set-up link is printed on standard output")]
    public static partial void NoAdministrator(this ILogger logger);

    [LoggerMessage(4002, LogLevel.Warning, "The signing store is unavailable, messages to sign get the milter's failure action: {Failure}")]
    public static partial void StoreUnavailable(this ILogger logger, string failure);

    [LoggerMessage(4003, LogLevel.Information, "Rotation {RotationId}: {Step}: {Explanation}")]
    public static partial void RotationAdvanced(this ILogger logger, Guid rotationId, string step, string explanation);

    [LoggerMessage(4004, LogLevel.Warning, "Advancing rotations failed: {Failure}")]
    public static partial void RotationFailed(this ILogger logger, string failure);

    [LoggerMessage(4010, LogLevel.Information, "Automatic rotation: {Step}")]
    public static partial void AutomaticRotationAdvanced(this ILogger logger, string step);

    [LoggerMessage(4005, LogLevel.Information, "Stopping: finishing the messages in progress (at most {Timeout})")]
    public static partial void Stopping(this ILogger logger, TimeSpan timeout);

    [LoggerMessage(4007, LogLevel.Warning, "Could not check for a first administrator: {Failure}")]
    public static partial void FirstRunCheckFailed(this ILogger logger, string failure);

    [LoggerMessage(4090, LogLevel.Warning, "The data folder {DataDirectory} is open to group or others (mode {Mode}): its files are 0600, but restrict it with chmod 700 {DataDirectory}")]
    public static partial void DataDirectoryOpenToOthers(this ILogger logger, string dataDirectory, string mode);

    [LoggerMessage(4008, LogLevel.Information, "Host name set to {HostName} as given at start (it was {Previous}): the server-wide key signs with d={HostName}")]
    public static partial void HostNameChanged(this ILogger logger, string hostName, string previous);

    [LoggerMessage(4009, LogLevel.Warning, "The server-wide key cannot sign: the host name \"{HostName}\" is a single label, not a domain; start with --hostname NAME or SIGNET_HOSTNAME=NAME (the fully qualified name)")]
    public static partial void HostNameNotQualified(this ILogger logger, string hostName);

    [LoggerMessage(4006, LogLevel.Debug, "Signing decision for {QueueId}: {Rule}, d={Domain}, aligned {Aligned}: {Explanation}")]
    public static partial void SigningDecided(this ILogger logger, string? queueId, string rule, string? domain, bool aligned, string explanation);

    [LoggerMessage(4011, LogLevel.Information, "TLS certificate read again from {CertificateFile}: {Subject}, valid until {NotAfter}")]
    public static partial void TlsCertificateReloaded(this ILogger logger, string certificateFile, string subject, DateTime notAfter);

    [LoggerMessage(4012, LogLevel.Warning, "The TLS certificate files changed but cannot be used, the previous certificate stays in use: {Failure}")]
    public static partial void TlsCertificateReloadFailed(this ILogger logger, string failure);

    // An old spelling still works, so nothing else would ever tell the administrator to change it before it goes.
    [LoggerMessage(4013, LogLevel.Warning, "{Source}: {Given} is an old spelling, still read: write {Current} instead")]
    public static partial void OldMailSetting(this ILogger logger, string source, string given, string current);
}
