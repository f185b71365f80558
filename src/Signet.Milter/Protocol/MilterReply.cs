namespace Signet.Milter.Protocol;

/// <summary>The filter's verdict on a step: continue, accept, reject, tempfail, discard, or an SMTP reply of its own
/// (SMFIR_REPLYCODE, <see cref="Text"/> = "451 4.7.1 words").</summary>
public sealed record MilterReply : MilterResponse
{
    private MilterReply(MilterReplyCode code, string? text)
        : base(code) => Text = text;

    public string? Text { get; }

    public static MilterReply Continue { get; } = new(MilterReplyCode.Continue, null);

    public static MilterReply Accept { get; } = new(MilterReplyCode.Accept, null);

    public static MilterReply Reject { get; } = new(MilterReplyCode.Reject, null);

    public static MilterReply TempFail { get; } = new(MilterReplyCode.TempFail, null);

    public static MilterReply Discard { get; } = new(MilterReplyCode.Discard, null);

    /// <summary>Sent for SMFIC_BODY when the filter needs no more body chunks (only when SMFIP_SKIP was agreed).</summary>
    public static MilterReply Skip { get; } = new(MilterReplyCode.Skip, null);

    /// <summary>An SMTP reply: a 4xx or 5xx code, an enhanced status code and text, e.g. ("451", "4.7.1", "try later").</summary>
    public static MilterReply WithSmtpReply(string code, string enhancedCode, string text)
    {
        if (code is not { Length: 3 } || code[0] is not ('4' or '5') || !code.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("an SMTP reply code from a milter is 4xx or 5xx", nameof(code));
        }

        // Sendmail expands % in reply text; a lone % would be read as a directive.
        return new(MilterReplyCode.ReplyCode, $"{code} {enhancedCode} {text.Replace("%", "%%", StringComparison.Ordinal)}");
    }

    internal static MilterReply FromWire(MilterReplyCode code, string? text) => new(code, text);

    public override string ToString() => Text is null ? Code.ToString() : $"{Code} {Text}";
}
