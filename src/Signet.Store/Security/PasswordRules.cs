using System.Reflection;

namespace Signet.Store.Security;

/// <summary>What a new password must be (NIST SP 800-63B §5.1.1.2): long enough, not the user's own name, and not one
/// of the few hundred most common passwords (an embedded list, <c>CommonPasswords.txt</c>), compared ignoring case.
/// No composition rules (digits, symbols): they make passwords harder to remember, not to guess.</summary>
public static class PasswordRules
{
    /// <summary>NIST asks for at least 8; these accounts hold signing keys, so 12.</summary>
    public const int MinimumLength = 12;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>Why <paramref name="password"/> cannot be used by <paramref name="userName"/>, or null when it can.</summary>
    public static string? Check(string userName, string password)
    {
        password ??= string.Empty;
        if (password.Length < MinimumLength)
        {
            return $"the password must be at least {MinimumLength} characters long";
        }

        // A control character cannot be typed at a sign-in form or an SMTP client reliably; it is a mistake or an attack.
        if (password.Any(char.IsControl))
        {
            return "the password must not contain control characters (line breaks, NUL, escape)";
        }

        if (string.Equals(password.Trim(), (userName ?? string.Empty).Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return "the password must not be the user name";
        }

        return Common.Value.Contains(password.Trim())
            ? "the password is on Signet's list of the most common passwords, which attackers try first: choose another"
            : null;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Signet.Store.Security.CommonPasswords.txt")
            ?? throw new InvalidOperationException("the common password list is not embedded in Signet.Store");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim());
            }
        }

        return words;
    }
}
