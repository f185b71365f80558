namespace Signet.Milter.Protocol;

/// <summary>The command byte of a packet from the MTA (SMFIC_* in libmilter's mfdef.h).</summary>
public enum MilterCommandCode : byte
{
    Abort = (byte)'A',
    Body = (byte)'B',
    Connect = (byte)'C',
    Macro = (byte)'D',
    EndOfMessage = (byte)'E',
    Helo = (byte)'H',
    QuitNewConnection = (byte)'K',
    Header = (byte)'L',
    Mail = (byte)'M',
    EndOfHeaders = (byte)'N',
    OptionNegotiation = (byte)'O',
    Quit = (byte)'Q',
    Recipient = (byte)'R',
    Data = (byte)'T',
    Unknown = (byte)'U',
}
