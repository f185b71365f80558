namespace Signet.Dkim.Lookup;

/// <summary>One TXT resource record: its character-strings, each at most 255 bytes on the wire. DKIM joins them
/// with nothing in between (RFC 6376 §3.6.2.2).</summary>
public sealed record TxtRecord(IReadOnlyList<byte[]> Strings)
{
    public static TxtRecord FromText(string text) => new([System.Text.Encoding.UTF8.GetBytes(text)]);

    public byte[] Join()
    {
        if (Strings.Count == 1)
        {
            return Strings[0];
        }

        var joined = new byte[Strings.Sum(s => s.Length)];
        int offset = 0;
        foreach (var s in Strings)
        {
            s.CopyTo(joined, offset);
            offset += s.Length;
        }

        return joined;
    }
}
