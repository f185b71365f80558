namespace Signet.Dkim.Alignment;

/// <summary>The parts of a DMARC Policy Record (RFC 9989 §4.7, §4.8) the tree walk needs. Other tags are not read.</summary>
internal sealed record DmarcPolicyRecord(PublicSuffixDomainFlag PublicSuffixDomain)
{
    /// <summary>Reads a TXT record's joined strings. False, with the reason, when it is not a DMARC Policy Record:
    /// RFC 9989 §4.7 says a record whose first tag is not v=DMARC1 is ignored entirely.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DmarcPolicyRecord record, out string error)
    {
        record = new DmarcPolicyRecord(PublicSuffixDomainFlag.Unknown);
        if (!TryReadVersion(text, out int end))
        {
            error = "it does not start with v=DMARC1";
            return false;
        }

        error = string.Empty;
        var flag = PublicSuffixDomainFlag.Unknown;
        bool seen = false;
        foreach (var range in text[end..].Split((byte)';'))
        {
            var tag = text[end..][range];
            int equals = tag.IndexOf((byte)'=');
            if (equals < 0 || seen || !System.Text.Ascii.EqualsIgnoreCase(Trim(tag[..equals]), "psd"u8))
            {
                // RFC 9989 §4.7: unknown tags MUST be ignored.
                continue;
            }

            seen = true;
            flag = ReadFlag(Trim(tag[(equals + 1)..]));
        }

        record = new DmarcPolicyRecord(flag);
        return true;
    }

    // RFC 9989 §4.8: dmarc-psd = "y" / "n" / "u" (ABNF literals are case-insensitive); a value that does not
    // parse is discarded in favour of the default "u".
    private static PublicSuffixDomainFlag ReadFlag(ReadOnlySpan<byte> value) => value switch
    {
        [(byte)'y' or (byte)'Y'] => PublicSuffixDomainFlag.Yes,
        [(byte)'n' or (byte)'N'] => PublicSuffixDomainFlag.No,
        _ => PublicSuffixDomainFlag.Unknown,
    };

    // RFC 9989 §4.8: dmarc-record = dmarc-version *(dmarc-sep dmarc-tag) [dmarc-sep];
    // dmarc-version = "v" *WSP "=" *WSP %s"DMARC1" (the value is case-sensitive).
    private static bool TryReadVersion(ReadOnlySpan<byte> text, out int end)
    {
        end = 0;
        if (text.IsEmpty || text[0] is not ((byte)'v' or (byte)'V'))
        {
            return false;
        }

        int position = SkipWhitespace(text, 1);
        if (position >= text.Length || text[position] != '=')
        {
            return false;
        }

        position = SkipWhitespace(text, position + 1);
        if (!text[position..].StartsWith("DMARC1"u8))
        {
            return false;
        }

        position = SkipWhitespace(text, position + 6);
        if (position < text.Length && text[position] != ';')
        {
            return false;
        }

        end = position;
        return true;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> text, int position)
    {
        while (position < text.Length && text[position] is (byte)' ' or (byte)'\t')
        {
            position++;
        }

        return position;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value) => value.Trim(" \t"u8);
}
