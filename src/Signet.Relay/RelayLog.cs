using Microsoft.Extensions.Logging;

namespace Signet.Relay;

/// <summary>Every log line of the relay, with stable event ids in 3xxx (the DKIM step logs as the milter does, 2xxx).
/// Passwords, keys and message bodies are never logged.</summary>
internal static partial class RelayLog
{
    [LoggerMessage(3000, LogLevel.Information, "Relay listening on {Endpoint}, next hop {NextHop}")]
    public static partial void Listening(this ILogger logger, string endpoint, string nextHop);

    [LoggerMessage(3001, LogLevel.Information, "Relay stopped; {Sessions} sessions were open at the stop request")]
    public static partial void Stopped(this ILogger logger, int sessions);

    [LoggerMessage(3002, LogLevel.Debug, "Relay session {SessionId} opened from {Peer}")]
    public static partial void SessionOpened(this ILogger logger, long sessionId, string peer);

    [LoggerMessage(3003, LogLevel.Debug, "Relay session {SessionId} closed: {Reason}")]
    public static partial void SessionClosed(this ILogger logger, long sessionId, string reason);

    [LoggerMessage(3004, LogLevel.Information, "Relayed {QueueId} from <{Sender}> to {Recipients} recipients, {Size} bytes: next hop said {Reply}")]
    public static partial void MessageRelayed(this ILogger logger, string queueId, string sender, int recipients, long size, string reply);

    [LoggerMessage(3005, LogLevel.Warning, "Not relayed {QueueId}: {Reply}")]
    public static partial void MessageRefused(this ILogger logger, string queueId, string reply);

    [LoggerMessage(3006, LogLevel.Warning, "Relay session {SessionId}: next hop problem: {Reply}")]
    public static partial void NextHopFailed(this ILogger logger, long sessionId, string reply);

    [LoggerMessage(3007, LogLevel.Information, "Relay session {SessionId}: {UserName} authenticated")]
    public static partial void Authenticated(this ILogger logger, long sessionId, string userName);

    [LoggerMessage(3008, LogLevel.Warning, "Relay session {SessionId}: authentication {Status} for {UserName} from {RemoteAddress}")]
    public static partial void AuthenticationRefused(this ILogger logger, long sessionId, string userName, string remoteAddress, string status);

    [LoggerMessage(3009, LogLevel.Warning, "Relay session {SessionId}: TLS handshake failed: {Failure}")]
    public static partial void TlsFailed(this ILogger logger, long sessionId, string failure);

    [LoggerMessage(3010, LogLevel.Error, "Relay session {SessionId} failed")]
    public static partial void SessionFailed(this ILogger logger, Exception exception, long sessionId);

    [LoggerMessage(3011, LogLevel.Warning, "Relay refused a connection from {Peer}: {Reason}")]
    public static partial void ConnectionRefused(this ILogger logger, string peer, string reason);
}
