using System.Globalization;

namespace Signet.Cli;

/// <summary>Domains as a person types and reads them: an IDN (bücher.example) is accepted and turned into its
/// A-labels (xn--bcher-kva.example, RFC 5891), which is what DNS and d= hold; output shows the U-labels beside.</summary>
public static class DomainArguments
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>The A-label form of <paramref name="text"/>, lower case, without a trailing dot.</summary>
    /// <exception cref="CliUsageException">It is not a domain name.</exception>
    public static string ToAscii(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Lower case first: punycode of "Ü" is not that of "ü", and DNS names compare case-insensitively only in ASCII.
        string trimmed = text.Trim().TrimEnd('.').ToLowerInvariant();
        try
        {
            return Idn.GetAscii(trimmed);
        }
        catch (ArgumentException)
        {
            throw new CliUsageException($"{option} {text}: not a valid domain name");
        }
    }

    /// <summary>"xn--bcher-kva.example (bücher.example)" for an IDN; the name alone otherwise.</summary>
    public static string Display(string ascii)
    {
        ArgumentNullException.ThrowIfNull(ascii);
        if (!ascii.Contains("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return ascii;
        }

        try
        {
            return $"{ascii} ({Idn.GetUnicode(ascii)})";
        }
        catch (ArgumentException)
        {
            return ascii;
        }
    }
}
