namespace Signet.Relay.Smtp;

/// <summary>Which commands each state accepts, in one table. A command outside its states gets 503 (bad sequence);
/// a verb not in the table gets 502.</summary>
internal static class SmtpStateTable
{
    private static readonly SmtpSessionState[] Any = Enum.GetValues<SmtpSessionState>();

    private static readonly Dictionary<string, SmtpSessionState[]> Allowed = new(StringComparer.Ordinal)
    {
        ["EHLO"] = Any,
        ["HELO"] = Any,
        ["STARTTLS"] = [SmtpSessionState.Ready],
        ["AUTH"] = [SmtpSessionState.Ready],
        ["XFORWARD"] = [SmtpSessionState.Ready],
        ["MAIL"] = [SmtpSessionState.Ready],
        ["RCPT"] = [SmtpSessionState.Sender, SmtpSessionState.Recipients],
        ["DATA"] = [SmtpSessionState.Sender, SmtpSessionState.Recipients],
        ["RSET"] = Any,
        ["NOOP"] = Any,
        ["QUIT"] = Any,
        ["VRFY"] = Any,
        ["HELP"] = Any,
    };

    public static bool IsKnown(string verb) => Allowed.ContainsKey(verb);

    public static bool IsAllowed(string verb, SmtpSessionState state) => Allowed.TryGetValue(verb, out var states) && states.Contains(state);
}
