namespace Signet.Mail;

/// <summary>What happens to a message whose authenticated sender may not have it signed (a From domain that is not one
/// of theirs).</summary>
public enum UnauthorizedSenderAction
{
    /// <summary>Refuse it with <c>550 5.7.1</c> and the reason: the sender learns at once, and nothing leaves that looks
    /// like ours but is not signed.</summary>
    Reject,

    /// <summary>Let it through without a signature (the reason is logged): for sites where such mail is legitimate
    /// and another check (the MTA's sender login maps) already stands guard.</summary>
    PassUnsigned,
}
