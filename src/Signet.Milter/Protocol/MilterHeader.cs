using System.Text;

namespace Signet.Milter.Protocol;

/// <summary>SMFIC_HEADER: one header field's name and value. The value keeps its bytes (DKIM hashes them); folded
/// lines are separated by a newline, and the leading space is there only when SMFIP_HDR_LEADSPC was agreed.</summary>
public sealed record MilterHeader(string Name, byte[] Value) : MilterCommand(MilterCommandCode.Header)
{
    public static MilterHeader Create(string name, string value) => new(name, Encoding.UTF8.GetBytes(value));

    public override string ToString() => Name + ":" + Encoding.UTF8.GetString(Value);
}
