namespace Signet.Relay.NextHop;

/// <summary>What the next hop offered in its EHLO reply, as far as forwarding the envelope needs it.</summary>
internal sealed record NextHopCapabilities(bool Size, long? MaximumSize, bool EightBitMime, bool SmtpUtf8)
{
    public static NextHopCapabilities None { get; } = new(false, null, false, false);

    public static NextHopCapabilities FromEhlo(IReadOnlyList<string> lines)
    {
        bool size = false, eightBit = false, utf8 = false;
        long? maximum = null;
        foreach (string line in lines.Skip(1))
        {
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words.Length > 0 ? words[0].ToUpperInvariant() : string.Empty)
            {
                case "SIZE":
                    size = true;
                    maximum = words.Length > 1 && long.TryParse(words[1], out long value) && value > 0 ? value : null;
                    break;
                case "8BITMIME":
                    eightBit = true;
                    break;
                case "SMTPUTF8":
                    utf8 = true;
                    break;
            }
        }

        return new NextHopCapabilities(size, maximum, eightBit, utf8);
    }
}
