namespace Signet.Mail;

/// <summary>What the MTA is told when the filter cannot do its work (internal error, signing policy unavailable).</summary>
public enum MailFailureAction
{
    /// <summary>451: the client tries again later, so nothing passes without the filter's work.</summary>
    TempFail,

    /// <summary>The message passes as it is (unsigned, or without a verification result).</summary>
    Accept,
}
