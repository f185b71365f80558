namespace Signet.Dkim.Tests.Canonicalization;

/// <summary>RFC 6376 §3.4.2 relaxed header canonicalization written the plain way, one byte at a time: what the
/// engine's vectorized canonicalizer must equal on any input.</summary>
internal static class ReferenceHeaderCanonicalizer
{
    public static byte[] Relaxed(ReadOnlySpan<byte> rawField)
    {
        int colon = rawField.IndexOf((byte)':');
        var output = new List<byte>(rawField.Length + 2);
        Collapse(rawField[..colon], output, lowercase: true);
        output.Add((byte)':');
        Collapse(rawField[(colon + 1)..], output, lowercase: false);
        output.Add((byte)'\r');
        output.Add((byte)'\n');
        return [.. output];
    }

    private static void Collapse(ReadOnlySpan<byte> source, List<byte> output, bool lowercase)
    {
        int start = output.Count;
        bool pendingSpace = false;
        for (int i = 0; i < source.Length; i++)
        {
            byte value = source[i];
            bool lineBreak = value == (byte)'\n' || (value == (byte)'\r' && i + 1 < source.Length && source[i + 1] == (byte)'\n');
            if (lineBreak)
            {
                continue; // unfold
            }

            if (value is (byte)' ' or (byte)'\t')
            {
                pendingSpace = output.Count > start;
                continue;
            }

            if (pendingSpace)
            {
                output.Add((byte)' ');
                pendingSpace = false;
            }

            output.Add(lowercase && value is >= (byte)'A' and <= (byte)'Z' ? (byte)(value | 0x20) : value);
        }
    }
}
