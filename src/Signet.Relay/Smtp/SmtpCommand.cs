namespace Signet.Relay.Smtp;

/// <summary>A command line split into its verb (upper case) and the rest.</summary>
internal readonly record struct SmtpCommand(string Verb, string Argument)
{
    public static SmtpCommand Parse(string line)
    {
        int space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0
            ? new SmtpCommand(line.ToUpperInvariant(), string.Empty)
            : new SmtpCommand(line[..space].ToUpperInvariant(), line[(space + 1)..].Trim());
    }
}
