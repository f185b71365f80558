namespace Signet.Milter.Protocol;

/// <summary>What a filter may change in a message (SMFIF_*), agreed during option negotiation.</summary>
[Flags]
public enum MilterActions : uint
{
    None = 0,
    AddHeaders = 0x01,
    ChangeBody = 0x02,
    AddRecipients = 0x04,
    DeleteRecipients = 0x08,

    /// <summary>Change and delete header fields (SMFIR_CHGHEADER).</summary>
    ChangeHeaders = 0x10,
    Quarantine = 0x20,
    ChangeSender = 0x40,
    AddRecipientsWithArguments = 0x80,
    SetMacroList = 0x100,
}
