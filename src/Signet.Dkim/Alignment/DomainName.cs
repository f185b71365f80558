using System.Globalization;

namespace Signet.Dkim.Alignment;

/// <summary>Turns a domain as written (U-labels, any case, maybe a trailing dot) into the form every comparison in
/// this folder uses: lower-case A-labels, no trailing dot.</summary>
/// <remarks><see cref="IdnMapping"/> does the punycode step (RFC 3492). It works with InvariantGlobalization, but
/// in that mode it neither case-folds non-ASCII letters nor applies Unicode normalization, so lower-casing happens
/// here first; decomposed input (NFD) is not composed and yields a different A-label than its NFC form.</remarks>
internal static class DomainName
{
    // RFC 1035 §2.3.4: 255 octets on the wire, so 253 characters as text without the trailing dot.
    private const int MaximumLength = 253;

    public static bool TryNormalize(string domain, out string normalized, out string error)
    {
        normalized = string.Empty;
        string text = domain.Trim();
        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }

        if (text.Length == 0)
        {
            error = "the domain is empty";
            return false;
        }

        // RFC 5890 §2.3.2.1: A-labels are compared case-insensitively, so fold before encoding.
        string lower = text.ToLowerInvariant();
        string ascii;
        try
        {
            ascii = IsAscii(lower) ? lower : new IdnMapping().GetAscii(lower);
        }
        catch (ArgumentException exception)
        {
            error = $"\"{domain}\" is not a valid internationalized domain name: {exception.Message}";
            return false;
        }

        ascii = ascii.ToLowerInvariant();
        if (!TryValidate(ascii, out error))
        {
            error = $"\"{domain}\" is not a valid domain name: {error}";
            return false;
        }

        normalized = ascii;
        return true;
    }

    public static string[] Labels(string normalizedDomain) => normalizedDomain.Split('.');

    /// <summary>The last <paramref name="count"/> labels of <paramref name="labels"/>, joined.</summary>
    public static string Suffix(string[] labels, int count) => string.Join('.', labels, labels.Length - count, count);

    private static bool TryValidate(string ascii, out string error)
    {
        error = string.Empty;
        if (ascii.Length > MaximumLength)
        {
            error = $"it is {ascii.Length} characters long, more than {MaximumLength}";
            return false;
        }

        foreach (string label in ascii.Split('.'))
        {
            // RFC 1035 §2.3.4: labels of 1 to 63 octets.
            if (label.Length is 0 or > 63)
            {
                error = label.Length == 0 ? "it has an empty label" : $"the label \"{label}\" is longer than 63 characters";
                return false;
            }

            // Letters, digits and hyphens (RFC 1035 §2.3.1), plus the underscore that DNS names such as
            // _dmarc and DKIM selectors use (RFC 8552).
            foreach (char c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
                {
                    error = $"the label \"{label}\" contains '{c}'";
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsAscii(string text)
    {
        foreach (char c in text)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
