using Signet.Dkim.Canonicalization;

namespace Signet.Dkim.Tests.Canonicalization;

/// <summary>A plain, line-by-line reading of RFC 6376 §3.4.3 and §3.4.4 over a whole body: slow and obvious on
/// purpose, it is the oracle the streaming canonicalizer is checked against.</summary>
internal static class ReferenceBodyCanonicalizer
{
    public static byte[] Canonicalize(DkimCanonicalization canonicalization, byte[] body)
    {
        List<byte[]> lines = SplitLines(body);
        if (canonicalization == DkimCanonicalization.Relaxed)
        {
            lines = lines.ConvertAll(CollapseWhitespace);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count == 0)
        {
            return canonicalization == DkimCanonicalization.Simple ? "\r\n"u8.ToArray() : [];
        }

        var output = new List<byte>();
        foreach (byte[] line in lines)
        {
            output.AddRange(line);
            output.AddRange("\r\n"u8);
        }

        return [.. output];
    }

    /// <summary>Lines end at LF, a CR right before it belongs to the ending; an unterminated tail is a line too.</summary>
    private static List<byte[]> SplitLines(byte[] body)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < body.Length; i++)
        {
            if (body[i] == '\n')
            {
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                lines.Add(body[start..end]);
                start = i + 1;
            }
        }

        if (start < body.Length)
        {
            lines.Add(body[start..]);
        }

        return lines;
    }

    /// <summary>Every WSP run becomes one SP, except a run at the end of the line, which goes.</summary>
    private static byte[] CollapseWhitespace(byte[] line)
    {
        var result = new List<byte>();
        bool inRun = false;
        foreach (byte value in line)
        {
            if (value is (byte)' ' or (byte)'\t')
            {
                inRun = true;
                continue;
            }

            if (inRun)
            {
                result.Add((byte)' ');
                inRun = false;
            }

            result.Add(value);
        }

        return [.. result];
    }
}
