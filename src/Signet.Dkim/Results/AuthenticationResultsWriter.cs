using System.Buffers;
using System.Globalization;
using System.Text;
using Signet.Dkim.Verification;

namespace Signet.Dkim.Results;

/// <summary>Writes an Authentication-Results header field (RFC 8601) with one <c>dkim=</c> clause per signature,
/// carrying header.d, header.s, header.a and header.b (the first 8 characters of b=, RFC 6008), and a comment
/// that gives the reason in words. The field is bounded: only the signatures the verifier checked get a clause (its
/// limit, 10 by default), and the ones it did not check are counted in one summary clause, so a message carrying
/// thousands of signatures cannot make us write a field of megabytes into every copy of it.</summary>
public static class AuthenticationResultsWriter
{
    public const string FieldName = "Authentication-Results";

    // RFC 2045 token: printable US-ASCII except tspecials; '/' and '=' are tspecials, so a b= prefix holding them is quoted.
    private static readonly SearchValues<char> TokenCharacters = SearchValues.Create(
        "!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private static readonly SearchValues<char> CommentSpecials = SearchValues.Create("()\\\r\n");

    /// <summary>The complete field, folded one result per line, ending with <paramref name="lineEnding"/>.</summary>
    public static string Format(string authservId, IReadOnlyList<DkimReportedSignature> signatures, string lineEnding = "\r\n")
    {
        ArgumentNullException.ThrowIfNull(authservId);
        ArgumentNullException.ThrowIfNull(signatures);
        var builder = new StringBuilder(FieldName).Append(": ").Append(authservId).Append(';');
        if (signatures.Count == 0)
        {
            // RFC 8601 §2.7.1: "none" when the message was not signed.
            return builder.Append(lineEnding).Append("\tdkim=none (no DKIM signature)").Append(lineEnding).ToString();
        }

        var clauses = signatures.Where(s => !IsUnchecked(s)).Select(FormatClause).ToList();
        int notChecked = signatures.Count - clauses.Count;
        if (notChecked > 0)
        {
            // RFC 8601 §2.2: resinfo = methodspec [reasonspec]; "neutral" as the verifier gives each unchecked one.
            clauses.Add(string.Create(CultureInfo.InvariantCulture,
                $"dkim=neutral reason=\"{notChecked:N0} more signature{(notChecked == 1 ? string.Empty : "s")} not checked\""));
        }

        builder.Append(lineEnding).Append('\t').AppendJoin(";" + lineEnding + "\t", clauses);
        return builder.Append(lineEnding).ToString();
    }

    /// <summary>One resinfo: <c>dkim=pass (reason) header.d=… header.s=… header.a=… header.b=…</c>.</summary>
    public static string FormatClause(DkimReportedSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var result = signature.Result;
        var builder = new StringBuilder("dkim=").Append(StatusWord(result.Status));
        builder.Append(" (").Append(EscapeComment(Comment(signature))).Append(')');
        var identity = result.Identity;
        AppendProperty(builder, "header.d", identity.SigningDomain);
        AppendProperty(builder, "header.s", identity.Selector);
        AppendProperty(builder, "header.a", identity.Algorithm);
        AppendProperty(builder, "header.b", identity.SignaturePrefix);
        return builder.ToString();
    }

    private static bool IsUnchecked(DkimReportedSignature signature) =>
        signature.Result.Failure?.Reason == DkimFailureReason.TooManySignatures;

    /// <summary>The RFC 8601 result word for a status.</summary>
    public static string StatusWord(DkimResultStatus status) => status switch
    {
        DkimResultStatus.Pass => "pass",
        DkimResultStatus.Fail => "fail",
        DkimResultStatus.Neutral => "neutral",
        DkimResultStatus.Policy => "policy",
        DkimResultStatus.TempError => "temperror",
        DkimResultStatus.PermError => "permerror",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static string Comment(DkimReportedSignature signature)
    {
        var result = signature.Result;
        var parts = new List<string>();
        if (result.Status == DkimResultStatus.Pass && result.KeySizeBits is { } bits)
        {
            parts.Add($"{bits}-bit key");
        }

        if (result.Failure is { } failure)
        {
            parts.Add(failure.Message);
        }

        if (result.KeyIsTesting)
        {
            parts.Add("key in test mode (t=y)");
        }

        if (signature.AlignmentNote is { } note)
        {
            parts.Add(note);
        }

        return parts.Count == 0 ? AuthenticationResultsWriter.StatusWord(result.Status) : string.Join("; ", parts);
    }

    private static void AppendProperty(StringBuilder builder, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        builder.Append(' ').Append(name).Append('=').Append(Value(value));
    }

    // RFC 8601 §2.2: a value is a token (RFC 2045) or a quoted-string; a domain name is a token.
    private static string Value(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(TokenCharacters))
        {
            return value;
        }

        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    // RFC 5322 §3.2.2: inside a comment, parentheses and backslashes are quoted-pairs; line breaks are not allowed.
    private static string EscapeComment(string text)
    {
        if (!text.AsSpan().ContainsAny(CommentSpecials))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '(' or ')' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return builder.ToString();
    }
}
