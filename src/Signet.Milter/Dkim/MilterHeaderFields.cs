using System.Buffers;
using System.Text;
using Signet.Dkim.Messages;
using Signet.Milter.Protocol;

namespace Signet.Milter.Dkim;

/// <summary>Converts between header fields as the milter protocol carries them (name and value apart, folded lines
/// joined by a bare newline) and as DKIM hashes them (one field with CRLF line endings, as on the wire). Every header
/// field of every message passes here, so each direction builds its result in one allocation.</summary>
internal static class MilterHeaderFields
{
    /// <summary>Rebuilds the field as the message carries it. Without SMFIP_HDR_LEADSPC the MTA removed the single
    /// space after the colon, so it is put back.</summary>
    public static DkimHeaderField ToField(MilterHeader header, bool leadingSpaceIncluded)
    {
        ReadOnlySpan<byte> value = header.Value;
        int nameSize = Encoding.ASCII.GetByteCount(header.Name);
        int size = nameSize + 1 + (leadingSpaceIncluded ? 0 : 1) + value.Length + BareNewlines(value) + 2;
        var raw = new byte[size];
        int at = Encoding.ASCII.GetBytes(header.Name, raw);
        raw[at++] = (byte)':';
        if (!leadingSpaceIncluded)
        {
            raw[at++] = (byte)' ';
        }

        // RFC 5322 §2.2.3: a folded line ends in CRLF; the MTA hands the fold over as a bare newline.
        while (value.IndexOf((byte)'\n') is var newline and >= 0)
        {
            value[..newline].CopyTo(raw.AsSpan(at));
            at += newline;
            if (newline == 0 || value[newline - 1] != (byte)'\r')
            {
                raw[at++] = (byte)'\r';
            }

            raw[at++] = (byte)'\n';
            value = value[(newline + 1)..];
        }

        value.CopyTo(raw.AsSpan(at));
        at += value.Length;
        raw[at++] = (byte)'\r';
        raw[at] = (byte)'\n';
        return new DkimHeaderField(raw);
    }

    /// <summary>The value to hand the MTA for a complete field ("Name: value" with CRLF folding): the MTA writes
    /// its own line endings, so folds become bare newlines and the line ending at the end goes, and it adds the space
    /// after the colon itself unless SMFIP_HDR_LEADSPC was agreed.</summary>
    public static string ValueForMta(DkimHeaderField field, bool leadingSpaceIncluded)
    {
        ArgumentNullException.ThrowIfNull(field);
        ReadOnlySpan<byte> value = field.Value;
        char[] rented = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(value.Length));
        try
        {
            int count = Encoding.UTF8.GetChars(value, rented);
            int written = 0;
            for (int i = 0; i < count; i++)
            {
                if (rented[i] == '\r' && i + 1 < count && rented[i + 1] == '\n')
                {
                    continue;
                }

                rented[written++] = rented[i];
            }

            while (written > 0 && rented[written - 1] is '\r' or '\n')
            {
                written--;
            }

            int start = !leadingSpaceIncluded && written > 0 && rented[0] == ' ' ? 1 : 0;
            return new string(rented, start, written - start);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static int BareNewlines(ReadOnlySpan<byte> value)
    {
        int count = 0;
        for (int i = value.IndexOf((byte)'\n'); i >= 0; i = value.IndexOf((byte)'\n'))
        {
            count += i == 0 || value[i - 1] != (byte)'\r' ? 1 : 0;
            value = value[(i + 1)..];
        }

        return count;
    }
}
