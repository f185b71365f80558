using System.Text;

namespace Signet.Dkim.Alignment;

/// <summary>The Public Suffix List (https://publicsuffix.org/list/), both its ICANN and PRIVATE sections, with the
/// algorithm published beside it. RFC 7489 §3.2 found the Organizational Domain this way; RFC 9989 replaced it with
/// the DNS Tree Walk (Appendix C.3), so this is the offline method, for when no DNS is at hand.</summary>
public sealed class PublicSuffixList
{
    /// <summary>The name the list shipped with the engine is embedded under.</summary>
    public const string EmbeddedResourceName = "Signet.Dkim.Alignment.public_suffix_list.dat";

    private static readonly Lazy<PublicSuffixList> EmbeddedList = new(LoadEmbedded);

    private readonly HashSet<string> _rules;
    private readonly HashSet<string> _wildcardParents;
    private readonly HashSet<string> _exceptions;

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcardParents, HashSet<string> exceptions)
    {
        _rules = rules;
        _wildcardParents = wildcardParents;
        _exceptions = exceptions;
    }

    /// <summary>The copy shipped with the engine (Debian's publicsuffix 20230209).</summary>
    public static PublicSuffixList Embedded => EmbeddedList.Value;

    /// <summary>The number of rules read, of every kind.</summary>
    public int RuleCount => _rules.Count + _wildcardParents.Count + _exceptions.Count;

    /// <summary>Reads a list in the publicsuffix.org format (UTF-8, one rule per line, "//" comments). A rule that
    /// is not a domain name is a configuration error and throws <see cref="InvalidDataException"/>.</summary>
    public static PublicSuffixList Load(Stream stream)
    {
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var wildcardParents = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            string rule = FirstToken(line);
            if (rule.Length == 0 || rule.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var (set, name) = rule switch
            {
                _ when rule.StartsWith('!') => (exceptions, rule[1..]),
                _ when rule.StartsWith("*.", StringComparison.Ordinal) => (wildcardParents, rule[2..]),
                _ => (rules, rule),
            };
            if (!DomainName.TryNormalize(name, out string normalized, out string error))
            {
                throw new InvalidDataException($"public suffix list line {lineNumber}: rule \"{rule}\" is not usable: {error}");
            }

            set.Add(normalized);
        }

        return new PublicSuffixList(rules, wildcardParents, exceptions);
    }

    /// <summary>The Organizational Domain of <paramref name="domain"/>: its public suffix plus one label. A domain
    /// that is itself a public suffix is its own Organizational Domain, so it aligns only with itself. Throws
    /// <see cref="ArgumentException"/> for a string that is not a domain name; use
    /// <see cref="TryGetOrganizationalDomain"/> for untrusted input.</summary>
    public string GetOrganizationalDomain(string domain) =>
        TryGetOrganizationalDomain(domain, out string organizational, out string error)
            ? organizational
            : throw new ArgumentException(error, nameof(domain));

    public bool TryGetOrganizationalDomain(string domain, out string organizationalDomain, out string error)
    {
        organizationalDomain = string.Empty;
        if (!DomainName.TryNormalize(domain, out string normalized, out error))
        {
            return false;
        }

        string[] labels = DomainName.Labels(normalized);
        int suffixLabels = PublicSuffixLabelCount(labels);
        organizationalDomain = labels.Length > suffixLabels ? DomainName.Suffix(labels, suffixLabels + 1) : normalized;
        return true;
    }

    /// <summary>How many trailing labels of the domain form its public suffix, by the publicsuffix.org algorithm:
    /// an exception rule prevails; otherwise the matching rule with the most labels; otherwise the rule "*".</summary>
    private int PublicSuffixLabelCount(string[] labels)
    {
        for (int count = labels.Length; count >= 1; count--)
        {
            if (_exceptions.Contains(DomainName.Suffix(labels, count)))
            {
                // An exception rule's public suffix is the rule without its leftmost label.
                return count - 1;
            }
        }

        for (int count = labels.Length; count >= 1; count--)
        {
            bool matchesWildcard = count >= 2 && _wildcardParents.Contains(DomainName.Suffix(labels, count - 1));
            if (matchesWildcard || _rules.Contains(DomainName.Suffix(labels, count)))
            {
                return count;
            }
        }

        return 1;
    }

    private static string FirstToken(string line)
    {
        string trimmed = line.Trim();
        int end = trimmed.IndexOfAny([' ', '\t']);
        return end < 0 ? trimmed : trimmed[..end];
    }

    private static PublicSuffixList LoadEmbedded()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {EmbeddedResourceName} is missing from the build");
        return Load(stream);
    }
}
