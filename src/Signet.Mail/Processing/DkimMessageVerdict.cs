namespace Signet.Mail.Processing;

/// <summary>How a message leaves the DKIM step.</summary>
public enum DkimMessageVerdict
{
    /// <summary>The work was done: make the header edits and deliver.</summary>
    Deliver,

    /// <summary>The work failed and the failure action is accept: deliver with the edits given (forged results are
    /// still removed from incoming mail), nothing more.</summary>
    DeliverAfterFailure,

    /// <summary>The work failed and the failure action is tempfail: answer <see cref="DkimMessageOutcome.Reply"/>
    /// so the client keeps the message and tries again.</summary>
    TempFail,

    /// <summary>The sender may not have this message signed and the action is reject: answer
    /// <see cref="DkimMessageOutcome.Reply"/> (a 5xx) and do not deliver.</summary>
    Reject,
}
