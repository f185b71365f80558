using System.Buffers;

namespace Signet.Dkim.Canonicalization;

/// <summary>Canonicalizes one header field, RFC 6376 §3.4.1 (simple) and §3.4.2 (relaxed).</summary>
/// <remarks>
/// The raw field is the name, the colon and the value with its folding, exactly as in the message, with or without
/// its terminating line ending. A bare LF counts as CRLF; a CR not followed by LF is ordinary data. The output always
/// ends with CRLF.
/// </remarks>
public static class DkimHeaderCanonicalizer
{
    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    public static void Canonicalize(DkimCanonicalization canonicalization, ReadOnlySpan<byte> rawField, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (canonicalization)
        {
            case DkimCanonicalization.Simple:
                CanonicalizeSimple(rawField, output);
                break;
            case DkimCanonicalization.Relaxed:
                CanonicalizeRelaxed(rawField, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(canonicalization), canonicalization, "Unknown canonicalization.");
        }
    }

    /// <summary>RFC 6376 §3.4.1: the field as it stands; only bare LFs become CRLF, and a missing final CRLF is added.</summary>
    private static void CanonicalizeSimple(ReadOnlySpan<byte> rawField, IBufferWriter<byte> output)
    {
        bool endsWithLineEnding = false;
        while (!rawField.IsEmpty)
        {
            int lineFeed = rawField.IndexOf((byte)'\n');
            if (lineFeed < 0)
            {
                output.Write(rawField);
                endsWithLineEnding = false;
                break;
            }

            if (lineFeed > 0 && rawField[lineFeed - 1] == (byte)'\r')
            {
                output.Write(rawField[..(lineFeed + 1)]);
            }
            else
            {
                output.Write(rawField[..lineFeed]);
                output.Write(CrLf);
            }

            endsWithLineEnding = true;
            rawField = rawField[(lineFeed + 1)..];
        }

        if (!endsWithLineEnding)
        {
            output.Write(CrLf);
        }
    }

    /// <summary>RFC 6376 §3.4.2: lowercase name, unfolded value, WSP runs as one SP, no WSP around the colon or at
    /// the end. The result is never longer than the raw field plus a CRLF, so it is written in one piece.</summary>
    private static void CanonicalizeRelaxed(ReadOnlySpan<byte> rawField, IBufferWriter<byte> output)
    {
        int colon = rawField.IndexOf((byte)':');
        if (colon < 0)
        {
            throw new ArgumentException("A header field needs a colon after its name.", nameof(rawField));
        }

        Span<byte> destination = output.GetSpan(rawField.Length + CrLf.Length);
        int length = WriteCollapsedName(rawField[..colon], destination);
        destination[length++] = (byte)':';
        length += WriteCollapsedValue(rawField[(colon + 1)..], destination[length..]);
        CrLf.CopyTo(destination[length..]);
        output.Advance(length + CrLf.Length);
    }

    /// <summary>Writes the name in <paramref name="source"/> lowercased and unfolded, with each inner WSP run as one SP
    /// and no WSP at either end, and returns the number of bytes written.</summary>
    private static int WriteCollapsedName(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int length = 0;
        bool pendingSpace = false;
        for (int i = 0; i < source.Length; i++)
        {
            byte value = source[i];
            if (value == (byte)'\n' || (value == (byte)'\r' && i + 1 < source.Length && source[i + 1] == (byte)'\n'))
            {
                // RFC 6376 §3.4.2: unfold; the WSP that follows a fold stays and is reduced below.
                continue;
            }

            if (value is (byte)' ' or (byte)'\t')
            {
                // RFC 6376 §3.4.2: a WSP run becomes one SP; WSP after the colon and at the end is deleted.
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                destination[length++] = (byte)' ';
                pendingSpace = false;
            }

            // RFC 6376 §3.4.2: header field names are lowercased (ASCII only; names are printable US-ASCII).
            destination[length++] = value - (uint)'A' <= 'Z' - 'A' ? (byte)(value | 0x20) : value;
        }

        return length;
    }

    /// <summary>The same as <see cref="WriteCollapsedName"/> without lowercasing, for a value: the bytes between two
    /// whitespace bytes are found by a vectorized search and copied as one run, where a signature's ~700 bytes
    /// went through a test per byte.</summary>
    private static int WriteCollapsedValue(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        // The field's own line ending unfolds to nothing wherever it stands; without it, most values (one line,
        // single spaces) are already canonical apart from the spaces at either end, and are copied in one piece.
        var line = source.EndsWith(CrLf) ? source[..^2] : source.EndsWith((byte)'\n') ? source[..^1] : source;
        if (!line.ContainsAny(TabOrLineBreak) && line.IndexOf("  "u8) < 0)
        {
            line = line.Trim((byte)' ');
            line.CopyTo(destination);
            return line.Length;
        }

        int length = 0;
        bool pendingSpace = false;
        while (true)
        {
            int special = source.IndexOfAny(Whitespace);
            var run = special < 0 ? source : source[..special];
            if (!run.IsEmpty)
            {
                if (pendingSpace)
                {
                    destination[length++] = (byte)' ';
                    pendingSpace = false;
                }

                run.CopyTo(destination[length..]);
                length += run.Length;
            }

            if (special < 0)
            {
                return length;
            }

            byte value = source[special];
            source = source[(special + 1)..];
            if (value is (byte)' ' or (byte)'\t')
            {
                // RFC 6376 §3.4.2: a WSP run becomes one SP; WSP after the colon and at the end is deleted.
                pendingSpace = length > 0;
            }
            else if (value == (byte)'\r' && !source.StartsWith((byte)'\n'))
            {
                // A CR that ends no line is ordinary data.
                if (pendingSpace)
                {
                    destination[length++] = (byte)' ';
                    pendingSpace = false;
                }

                destination[length++] = value;
            }

            // RFC 6376 §3.4.2: CRLF and a bare LF unfold to nothing; the WSP that follows a fold stays and is reduced.
        }
    }

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    private static readonly SearchValues<byte> TabOrLineBreak = SearchValues.Create("\t\r\n"u8);
}
