namespace Signet.Milter.Protocol;

/// <summary>The command byte of a packet from the filter (SMFIR_* in libmilter's mfdef.h).</summary>
public enum MilterReplyCode : byte
{
    AddRecipient = (byte)'+',
    DeleteRecipient = (byte)'-',
    Accept = (byte)'a',
    ReplaceBody = (byte)'b',
    Continue = (byte)'c',
    Discard = (byte)'d',
    ChangeSender = (byte)'e',
    ConnectionFailure = (byte)'f',
    AddHeader = (byte)'h',
    InsertHeader = (byte)'i',
    ChangeHeader = (byte)'m',
    Progress = (byte)'p',
    Quarantine = (byte)'q',
    Reject = (byte)'r',
    Skip = (byte)'s',
    TempFail = (byte)'t',
    ReplyCode = (byte)'y',

    /// <summary>The filter's answer to option negotiation (same byte as the MTA's SMFIC_OPTNEG).</summary>
    OptionNegotiation = (byte)'O',
}
