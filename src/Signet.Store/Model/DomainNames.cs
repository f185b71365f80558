using System.Globalization;
using Signet.Dkim.DnsText;

namespace Signet.Store.Model;

/// <summary>Turns a domain typed by a person into the stored form: lower-case A-labels, no trailing dot.</summary>
public static class DomainNames
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    public static bool TryNormalize(string text, out string domain, out string error)
    {
        domain = string.Empty;
        string trimmed = (text ?? string.Empty).Trim().TrimEnd('.');
        try
        {
            // Lower case first (RFC 5890 §2.3.2.1): the punycode of "Ü" is not that of "ü", so "BÜCHER.example" would
            // otherwise become a second, different domain beside "bücher.example".
            trimmed = Idn.GetAscii(trimmed.ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            error = $"\"{text}\" is not a valid domain name";
            return false;
        }

        if (!trimmed.Contains('.'))
        {
            error = $"\"{text}\" is not a domain name: it needs at least two labels, as in example.com";
            return false;
        }

        if (!DkimDnsRecordName.TryValidate("s", trimmed, out error))
        {
            return false;
        }

        domain = trimmed;
        return true;
    }

    /// <summary>The parents of a domain, nearest first: a.b.example.com → b.example.com, example.com, com.</summary>
    public static IEnumerable<string> ParentsOf(string domain)
    {
        for (int dot = domain.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = domain.IndexOf('.', dot + 1))
        {
            yield return domain[(dot + 1)..];
        }
    }
}
