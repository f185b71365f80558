namespace Signet.Dkim;

/// <summary>Syntax checks for the names DKIM writes: domains (d=) and selectors (s=).</summary>
public static class DkimNames
{
    /// <summary>A host name of dot-separated LDH labels (A-labels for IDN), at most 253 characters.</summary>
    public static bool IsDomainName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string trimmed = name.TrimEnd('.');
        return trimmed.Length is > 0 and <= 253 && trimmed.Split('.').All(IsLabel);
    }

    /// <summary>RFC 6376 §3.1: selector = sub-domain *( "." sub-domain ).</summary>
    public static bool IsSelector(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return selector.Length is > 0 and <= 63 * 2 && selector.Split('.').All(IsLabel);
    }

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63
        && label[0] != '-' && label[^1] != '-'
        && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
}
