using Microsoft.Extensions.Logging;

namespace Signet.Admin.Api;

/// <summary>The API's log messages, with stable event ids in 5xxx. Tokens, passwords and private keys are never among
/// the fields.</summary>
internal static partial class SignetApiLog
{
    [LoggerMessage(5000, LogLevel.Information, "API token rejected from {RemoteAddress}: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string remoteAddress, string reason);

    [LoggerMessage(5001, LogLevel.Warning, "API token could not be checked: {Failure}")]
    public static partial void TokenCheckFailed(ILogger logger, string failure);

    [LoggerMessage(5002, LogLevel.Warning, "API request {Method} {Path} failed: the store is unavailable: {Failure}")]
    public static partial void StoreUnavailable(ILogger logger, string method, string path, string failure);

    [LoggerMessage(5003, LogLevel.Warning, "Sign-in refused on the {FrontEnd} for {UserName} from {RemoteAddress}: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string frontEnd, string userName, string remoteAddress, string reason);
}
