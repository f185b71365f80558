using Signet.Dkim.Results;

namespace Signet.Admin.Console.Check;

/// <summary>What <see cref="MessageCheck"/> found: the report and the Authentication-Results field, or why the input
/// is not a message.</summary>
public sealed record MessageCheckResult(string? Problem, DkimMessageReport? Report, string? AuthenticationResults)
{
    public static MessageCheckResult NotAMessage(string reason) => new("this is not a mail message: " + reason, null, null);
}
