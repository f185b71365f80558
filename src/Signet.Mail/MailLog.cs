using Microsoft.Extensions.Logging;

namespace Signet.Mail;

/// <summary>Every log line of the DKIM work on a message, whichever front end carried it (milter or relay), with
/// stable event ids in 2xxx (the ids the milter logged them under before the relay shared them). Keys, b= values and
/// bodies are never logged.</summary>
internal static partial class MailLog
{
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
