namespace Signet.Dkim.DnsText;

/// <summary>The DNS name of a key record: <c>selector._domainkey.domain</c> (RFC 6376 §3.6.2.1).</summary>
public static class DkimDnsRecordName
{
    /// <summary>The label under which all of a domain's key records live (RFC 6376 §3.6.2.1).</summary>
    public const string KeyRecordLabel = "_domainkey";

    // RFC 1035 §2.3.4: a label is at most 63 octets; a name at most 255 octets on the wire, which is 253
    // characters in text without the trailing dot.
    private const int MaximumLabelLength = 63;
    private const int MaximumNameLength = 253;

    /// <summary>Builds <c>s1._domainkey.example.com</c>: the domain in lower case, no trailing dot. Call
    /// <see cref="TryValidate"/> first for input from people; invalid names here are a programming error.</summary>
    /// <exception cref="ArgumentException">The selector or domain is not valid.</exception>
    public static string For(string selector, string domain)
    {
        if (!TryValidate(selector, domain, out string error))
        {
            throw new ArgumentException(error, nameof(selector));
        }

        return $"{selector}.{KeyRecordLabel}.{Normalize(domain)}";
    }

    /// <summary>Checks a selector (RFC 6376 §3.1: dot-separated labels of letters, digits and inner hyphens) and a
    /// domain, and the length of the name they make.</summary>
    public static bool TryValidate(string selector, string domain, out string error)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(domain);
        if (!TryValidateName("selector", selector, out error))
        {
            return false;
        }

        string normalized = Normalize(domain);
        if (!TryValidateName("domain", normalized, out error))
        {
            return false;
        }

        int length = selector.Length + KeyRecordLabel.Length + normalized.Length + 2;
        if (length > MaximumNameLength)
        {
            error = $"the record name would be {length} characters long: DNS allows at most {MaximumNameLength}";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static string Normalize(string domain) =>
        (domain.EndsWith('.') ? domain[..^1] : domain).ToLowerInvariant();

    private static bool TryValidateName(string what, string name, out string error)
    {
        if (name.Length == 0)
        {
            error = $"the {what} is empty";
            return false;
        }

        foreach (string label in name.Split('.'))
        {
            if (!TryValidateLabel(what, name, label, out error))
            {
                return false;
            }
        }

        error = string.Empty;
        return true;
    }

    // RFC 6376 §3.1 (selector) and RFC 5321 §4.1.2 (domain): sub-domain = Let-dig [Ldh-str].
    private static bool TryValidateLabel(string what, string name, string label, out string error)
    {
        error = string.Empty;
        if (label.Length == 0)
        {
            error = $"the {what} \"{name}\" has an empty label (two dots in a row, or a leading dot)";
        }
        else if (label.Length > MaximumLabelLength)
        {
            error = $"the {what} \"{name}\" has a label of {label.Length} characters: DNS allows at most {MaximumLabelLength}";
        }
        else if (label.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c) && c != '-') is char bad and not '\0')
        {
            error = bad > 0x7F
                ? $"the {what} \"{name}\" has the non-ASCII character '{bad}': write it in its A-label (xn--) form"
                : $"the {what} \"{name}\" has '{bad}': only letters, digits, hyphens and dots are allowed";
        }
        else if (label[0] == '-' || label[^1] == '-')
        {
            error = $"the {what} \"{name}\" has a label that begins or ends with a hyphen";
        }

        return error.Length == 0;
    }
}
