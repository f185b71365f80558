namespace Signet.Relay.Smtp;

/// <summary>The argument of MAIL or RCPT: "FROM:&lt;path&gt; KEY=VALUE ..." (RFC 5321 §4.1.1.2, §4.1.2). The path is
/// kept as written; parameter keywords are compared without regard to case.</summary>
internal sealed record SmtpEnvelopeArgument(string Address, IReadOnlyList<KeyValuePair<string, string?>> Parameters)
{
    public static bool TryParse(string argument, string keyword, out SmtpEnvelopeArgument parsed, out string error)
    {
        parsed = null!;
        error = string.Empty;
        if (!argument.StartsWith(keyword + ":", StringComparison.OrdinalIgnoreCase))
        {
            error = $"expected {keyword}:<address>";
            return false;
        }

        string rest = argument[(keyword.Length + 1)..].TrimStart();
        if (!rest.StartsWith('<'))
        {
            error = "the address must be in angle brackets";
            return false;
        }

        int close = rest.IndexOf('>', StringComparison.Ordinal);
        if (close < 0)
        {
            error = "the address has no closing angle bracket";
            return false;
        }

        string address = rest[1..close];
        if (address.Any(c => c is < ' ' or '<' or '>'))
        {
            error = "the address holds control characters or angle brackets";
            return false;
        }

        var parameters = new List<KeyValuePair<string, string?>>();
        foreach (string word in rest[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = word.IndexOf('=', StringComparison.Ordinal);
            parameters.Add(equals < 0
                ? new(word.ToUpperInvariant(), null)
                : new(word[..equals].ToUpperInvariant(), word[(equals + 1)..]));
        }

        parsed = new SmtpEnvelopeArgument(address, parameters);
        return true;
    }

    public string? this[string keyword] => Parameters.FirstOrDefault(p => p.Key == keyword).Value;

    public bool Has(string keyword) => Parameters.Any(p => p.Key == keyword);
}
