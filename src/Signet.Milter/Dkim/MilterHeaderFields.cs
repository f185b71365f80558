using System.Text;
using Signet.Dkim.Messages;
using Signet.Milter.Protocol;

namespace Signet.Milter.Dkim;

/// <summary>Converts between header fields as the milter protocol carries them (name and value apart, folded lines
/// joined by a bare newline) and as DKIM hashes them (one field with CRLF line endings, as on the wire).</summary>
internal static class MilterHeaderFields
{
    /// <summary>Rebuilds the field as the message carries it. Without SMFIP_HDR_LEADSPC the MTA removed the single
    /// space after the colon, so it is put back.</summary>
    public static DkimHeaderField ToField(MilterHeader header, bool leadingSpaceIncluded)
    {
        var bytes = new List<byte>(header.Name.Length + header.Value.Length + 8);
        bytes.AddRange(Encoding.ASCII.GetBytes(header.Name));
        bytes.Add((byte)':');
        if (!leadingSpaceIncluded)
        {
            bytes.Add((byte)' ');
        }

        byte previous = 0;
        foreach (byte b in header.Value)
        {
            if (b == (byte)'\n' && previous != (byte)'\r')
            {
                bytes.Add((byte)'\r');
            }

            bytes.Add(b);
            previous = b;
        }

        bytes.Add((byte)'\r');
        bytes.Add((byte)'\n');
        return new DkimHeaderField([.. bytes]);
    }

    /// <summary>The value to hand the MTA for a complete field ("Name: value" with CRLF folding): the MTA writes
    /// its own line endings, so folds become bare newlines, and it adds the space after the colon itself unless
    /// SMFIP_HDR_LEADSPC was agreed.</summary>
    public static string ValueForMta(string field, bool leadingSpaceIncluded)
    {
        string value = field[(field.IndexOf(':', StringComparison.Ordinal) + 1)..].TrimEnd('\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal);
        return !leadingSpaceIncluded && value.StartsWith(' ') ? value[1..] : value;
    }
}
