using System.Text;

namespace Signet.Dkim.Signatures;

/// <summary>dkim-quoted-printable (RFC 6376 §2.11), the encoding of the <c>i=</c> and <c>z=</c> values:
/// "=" and two hex digits stand for one octet, whitespace is folding and is dropped, and the safe characters
/// (%x21-3A / %x3C / %x3E-7E) stand for themselves.</summary>
public static class DkimQuotedPrintable
{
    /// <summary>An AUID is an address: at most 64 octets of local-part, "@" and 255 of domain (RFC 5321 §4.5.3.1).
    /// Anything longer cannot be a real identity, and bounds the work done on a hostile value.</summary>
    public const int MaximumDecodedLength = 320;

    /// <summary>Decodes a dkim-quoted-printable value to text; false with a reason on a broken escape, a NUL,
    /// a character that must be escaped, a value longer than <see cref="MaximumDecodedLength"/> octets, or
    /// octets that are not UTF-8 (RFC 6532 allows UTF-8 local-parts, nothing else).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out string decoded, out string error)
    {
        decoded = string.Empty;
        Span<byte> octets = stackalloc byte[MaximumDecodedLength];
        int length = 0;
        for (int index = 0; index < encoded.Length; index++)
        {
            byte c = encoded[index];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue; // RFC 6376 §2.11: FWS is ignored when decoding
            }

            byte octet = c;
            if (c == (byte)'=')
            {
                if (!TryReadHexOctet(encoded, index, out octet, out error))
                {
                    return false;
                }

                index += 2;
                if (octet == 0)
                {
                    error = $"=00 at position {index - 1} encodes a NUL octet, which no identity may contain";
                    return false;
                }
            }
            else if (!IsSafe(c) && c < 0x80) // RFC 8616 §4: UTF-8 may appear as itself
            {
                error = $"the character 0x{c:X2} at position {index + 1} must be written as =XX (RFC 6376 §2.11)";
                return false;
            }

            if (length == octets.Length)
            {
                error = $"it decodes to more than {MaximumDecodedLength} octets, longer than any address";
                return false;
            }

            octets[length++] = octet;
        }

        try
        {
            decoded = StrictUtf8.GetString(octets[..length]);
        }
        catch (DecoderFallbackException)
        {
            error = "it decodes to octets that are not UTF-8";
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>Encodes text for an <c>i=</c> value: safe characters as they are, every other octet of its
    /// UTF-8 form as =XX (uppercase hex, RFC 2045 §6.7).</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (byte octet in Encoding.UTF8.GetBytes(text))
        {
            if (IsSafe(octet))
            {
                builder.Append((char)octet);
            }
            else
            {
                builder.Append('=').Append(HexDigits[octet >> 4]).Append(HexDigits[octet & 0xF]);
            }
        }

        return builder.ToString();
    }

    private const string HexDigits = "0123456789ABCDEF";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // RFC 6376 §2.11: dkim-safe-char = %x21-3A / %x3C / %x3E-7E (everything visible but ";" and "=").
    private static bool IsSafe(byte c) => c is >= 0x21 and <= 0x3A or 0x3C or >= 0x3E and <= 0x7E;

    private static bool TryReadHexOctet(ReadOnlySpan<byte> encoded, int index, out byte octet, out string error)
    {
        octet = 0;
        if (index + 2 >= encoded.Length)
        {
            error = $"\"=\" at position {index + 1} is not followed by two hex digits";
            return false;
        }

        int high = HexValue(encoded[index + 1]);
        int low = HexValue(encoded[index + 2]);
        if (high < 0 || low < 0)
        {
            error = $"\"={(char)encoded[index + 1]}{(char)encoded[index + 2]}\" at position {index + 1} is not \"=\" and two hex digits";
            return false;
        }

        octet = (byte)((high << 4) | low);
        error = string.Empty;
        return true;
    }

    // RFC 2045 §6.7 asks for uppercase; lowercase is accepted as RFC 2045 advises robust decoders to.
    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
