using Signet.Dkim.Messages;

namespace Signet.Mail.Processing;

/// <summary>What the DKIM step decided for one message: fields to insert at the top (in order, the first ends up on
/// top), fields to delete (highest position first, so no deletion moves another), and the verdict.</summary>
public sealed record DkimMessageOutcome(
    IReadOnlyList<DkimHeaderField> InsertedFields,
    IReadOnlyList<DkimRemovedField> RemovedFields,
    DkimMessageVerdict Verdict)
{
    /// <summary>The SMTP reply for <see cref="DkimMessageVerdict.TempFail"/> and <see cref="DkimMessageVerdict.Reject"/>:
    /// code, enhanced code and text.</summary>
    public (string Code, string EnhancedCode, string Text)? Reply { get; init; }
}
