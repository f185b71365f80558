using Microsoft.Extensions.Logging;

namespace Signet.Milter;

/// <summary>Every log line of the milter, with stable event ids: 1xxx the server and protocol, 2xxx the DKIM work.
/// Keys, b= values and bodies are never logged.</summary>
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
    public static partial void Negotiated(this ILogger logger, long sessionId, uint version, string actions, string steps);

    [LoggerMessage(1010, LogLevel.Warning, "Milter session {SessionId}: connection error, closing: {Failure}")]
    public static partial void ConnectionError(this ILogger logger, long sessionId, string failure);

    [LoggerMessage(2000, LogLevel.Information, "Signed {QueueId}: d={Domain} s={Selector} ({Status})")]
    public static partial void MessageSigned(this ILogger logger, string? queueId, string domain, string selector, string status);

    [LoggerMessage(2001, LogLevel.Information, "Not signing {QueueId}: {Status}")]
    public static partial void SigningNotRequested(this ILogger logger, string? queueId, string status);

    [LoggerMessage(2002, LogLevel.Error, "Cannot sign {QueueId}: {Failure}; answering {Status}")]
    public static partial void SigningFailed(this ILogger logger, string? queueId, string failure, string status);

    [LoggerMessage(2003, LogLevel.Information, "Verified {QueueId}: d={Domain} s={Selector} dkim={Status} ({Failure})")]
    public static partial void SignatureVerified(this ILogger logger, string? queueId, string? domain, string? selector, string status, string failure);

    [LoggerMessage(2004, LogLevel.Information, "Not verifying {QueueId}: {Failure}")]
    public static partial void VerificationSkipped(this ILogger logger, string? queueId, string failure);

    [LoggerMessage(2005, LogLevel.Information, "Verified {QueueId}: dkim={Status} (no DKIM signature)")]
    public static partial void MessageUnsigned(this ILogger logger, string? queueId, string status);

    [LoggerMessage(2006, LogLevel.Warning, "Removing {Count} Authentication-Results fields that claim our authserv-id from {QueueId}")]
    public static partial void ForgedResultsRemoved(this ILogger logger, string? queueId, int count);

    [LoggerMessage(2007, LogLevel.Error, "Cannot verify {QueueId}: {Failure}; answering {Status}")]
    public static partial void VerificationFailed(this ILogger logger, string? queueId, string failure, string status);

    [LoggerMessage(2008, LogLevel.Debug, "Message {QueueId} is {Status}: {Failure}")]
    public static partial void DirectionChosen(this ILogger logger, string? queueId, string status, string failure);

    [LoggerMessage(2009, LogLevel.Warning, "Refusing to sign {QueueId}: {Reason}; {Status}")]
    public static partial void SenderRefused(this ILogger logger, string? queueId, string reason, string status);
}
