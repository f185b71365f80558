namespace Signet.Milter.Protocol;

/// <summary>Protocol steps the filter does not want (SMFIP_NO*), steps it will not answer (SMFIP_NR_*) and
/// other protocol options, agreed during option negotiation.</summary>
[Flags]
public enum MilterProtocolSteps : uint
{
    None = 0,
    NoConnect = 0x01,
    NoHelo = 0x02,
    NoMail = 0x04,
    NoRecipient = 0x08,
    NoBody = 0x10,
    NoHeaders = 0x20,
    NoEndOfHeaders = 0x40,
    NoReplyHeader = 0x80,
    NoUnknown = 0x100,
    NoData = 0x200,
    Skip = 0x400,
    RejectedRecipients = 0x800,
    NoReplyConnect = 0x1000,
    NoReplyHelo = 0x2000,
    NoReplyMail = 0x4000,
    NoReplyRecipient = 0x8000,
    NoReplyData = 0x10000,
    NoReplyUnknown = 0x20000,
    NoReplyEndOfHeaders = 0x40000,
    NoReplyBody = 0x80000,

    /// <summary>Header values are sent and taken with their leading whitespace, exactly as in the message.</summary>
    HeaderLeadingSpace = 0x100000,
}
