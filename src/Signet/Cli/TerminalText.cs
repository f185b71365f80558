namespace Signet.Cli;

/// <summary>Text from the store (descriptions, audit details) as one line a terminal shows as it is: control
/// characters become U+FFFD, so a stored escape sequence cannot retitle or rewrite the admin's terminal and a tab or
/// newline cannot split a field of a listing.</summary>
public static class TerminalText
{
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Any(char.IsControl) ? string.Concat(text.Select(c => char.IsControl(c) ? '\uFFFD' : c)) : text;
    }
}
