using Microsoft.Extensions.Logging;

namespace Signet.Milter;

/// <summary>Every log line of the milter protocol server, with stable event ids in 1xxx (the DKIM work on each message
/// logs through Signet.Mail's MailLog, 2xxx). Keys, b= values and bodies are never logged.</summary>
internal static partial class MilterLog
{
    [LoggerMessage(1000, LogLevel.Information, "Milter listening on {Endpoint}")]
    public static partial void Listening(this ILogger logger, string endpoint);

    [LoggerMessage(1001, LogLevel.Information, "Milter stopped; {Sessions} sessions were open at the stop request")]
    public static partial void Stopped(this ILogger logger, int sessions);

    [LoggerMessage(1002, LogLevel.Debug, "Milter session {SessionId} opened from {Peer}")]
    public static partial void SessionOpened(this ILogger logger, long sessionId, string peer);

    [LoggerMessage(1003, LogLevel.Debug, "Milter session {SessionId} closed: {Reason}")]
    public static partial void SessionClosed(this ILogger logger, long sessionId, string reason);

    [LoggerMessage(1004, LogLevel.Warning, "Milter session {SessionId}: malformed packet, closing: {Failure}")]
    public static partial void MalformedPacket(this ILogger logger, long sessionId, string failure);

    [LoggerMessage(1005, LogLevel.Warning, "Milter session {SessionId}: command {Command} is not allowed in state {State}, closing")]
    public static partial void UnexpectedCommand(this ILogger logger, long sessionId, string command, string state);

    [LoggerMessage(1006, LogLevel.Warning, "Milter session {SessionId}: negotiation failed: {Failure}")]
    public static partial void NegotiationFailed(this ILogger logger, long sessionId, string failure);

    [LoggerMessage(1007, LogLevel.Information, "Milter session {SessionId} idle for {Timeout}, closing")]
    public static partial void SessionTimedOut(this ILogger logger, long sessionId, TimeSpan timeout);

    [LoggerMessage(1008, LogLevel.Error, "Milter session {SessionId}: the filter failed on {Command}, closing (QueueId {QueueId})")]
    public static partial void FilterFailed(this ILogger logger, Exception exception, long sessionId, string command, string? queueId);

    [LoggerMessage(1009, LogLevel.Debug, "Milter session {SessionId} negotiated version {Version}, actions {Actions}, steps {Steps}")]
    public static partial void Negotiated(this ILogger logger, long sessionId, uint version, Protocol.MilterActions actions, Protocol.MilterProtocolSteps steps);

    [LoggerMessage(1010, LogLevel.Warning, "Milter session {SessionId}: connection error, closing: {Failure}")]
    public static partial void ConnectionError(this ILogger logger, long sessionId, string failure);
}
