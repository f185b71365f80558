namespace Signet.Dkim.Verification;

/// <summary>Why a signature or key did not pass, with a sentence for people ("the body was changed after
/// signing: its hash no longer matches bh=").</summary>
public sealed record DkimFailure(DkimFailureReason Reason, string Message)
{
    public DkimResultStatus Status => DkimFailureReasons.StatusOf(Reason);

    public string Token => DkimFailureReasons.Token(Reason);

    public override string ToString() => Message;
}
