namespace Signet.Admin.Console.Domains;

/// <summary>A DMARC record to start with: p=none (receivers only report, nothing is refused yet) and the aggregate
/// reports sent to an address the admin gives.</summary>
public static class DmarcSuggestion
{
    public static string Record(string reportAddress) => $"v=DMARC1; p=none; rua=mailto:{reportAddress}";

    /// <summary>Whether <paramref name="address"/> can stand in rua=mailto: as it is: one @, nothing on either side
    /// missing, and none of the characters that would end the tag or the URI list (; , !) or need escaping.</summary>
    public static bool TryCheckAddress(string address, out string? problem)
    {
        int at = address.IndexOf('@', StringComparison.Ordinal);
        problem = address.Length switch
        {
            0 => "enter the address that should receive the reports",
            > 254 => "that address is longer than an e-mail address can be",
            _ when at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1 => "that is not an e-mail address (one @, with a name before it and a domain after it)",
            _ when address.Any(c => char.IsWhiteSpace(c) || c is ';' or ',' or '!' or '<' or '>' or '"' || c > '~') => "an address in a DMARC record cannot hold spaces, ; , ! < > \" or non-ASCII characters",
            _ => null,
        };
        return problem is null;
    }
}
