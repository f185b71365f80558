using System.Globalization;
using System.Text;

namespace Signet.Dkim.Signatures;

/// <summary>Writes DKIM-Signature header fields folded to lines of at most 78 characters (RFC 5322 §2.1.1), in
/// the tag order v, a, c, d, s, (i), t, (x), h, bh, b. <c>l=</c> is never written: it lets anyone append to a
/// signed body.</summary>
public static class DkimSignatureWriter
{
    public const int MaximumLineLength = 78;

    /// <summary>The field up to and including "b=", ready to be hashed with an empty signature.</summary>
    public static string WriteUnsigned(DkimSignatureParameters parameters, string lineEnding = "\r\n")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var folder = new Folder(lineEnding);
        folder.Append(DkimSignatureParser.FieldName + ":", separated: false);
        folder.Append("v=1;");
        folder.Append($"a={parameters.Algorithm.ToTagValue()};");
        folder.Append($"c={parameters.Canonicalization};");
        folder.Append($"d={parameters.SigningDomain};");
        folder.Append($"s={parameters.Selector};");
        if (parameters.AgentOrUserIdentifier is { } identifier)
        {
            folder.Append($"i={DkimQuotedPrintable.Encode(identifier)};"); // RFC 6376 §3.5: dkim-quoted-printable
        }

        folder.Append(string.Create(CultureInfo.InvariantCulture, $"t={parameters.Timestamp};"));
        if (parameters.Expiration is { } expiration)
        {
            folder.Append(string.Create(CultureInfo.InvariantCulture, $"x={expiration};"));
        }

        AppendHeaderList(folder, parameters.SignedHeaders);
        folder.Append($"bh={Convert.ToBase64String(parameters.BodyHash)};");
        folder.Append("b=");
        return folder.ToString();
    }

    /// <summary>Completes an unsigned field with the signature, folding the base64 value, and ends it with the line ending.</summary>
    public static string AppendSignature(string unsignedField, ReadOnlySpan<byte> signature, string lineEnding = "\r\n")
    {
        ArgumentNullException.ThrowIfNull(unsignedField);
        var builder = new StringBuilder(unsignedField, unsignedField.Length + signature.Length * 2);
        int lastBreak = unsignedField.LastIndexOf('\n');
        int column = unsignedField.Length - (lastBreak + 1);
        string value = Convert.ToBase64String(signature);
        int position = 0;
        while (position < value.Length)
        {
            int room = MaximumLineLength - column;
            if (room <= 0)
            {
                builder.Append(lineEnding).Append(' ');
                column = 1;
                continue;
            }

            int take = Math.Min(room, value.Length - position);
            builder.Append(value, position, take);
            position += take;
            column += take;
        }

        return builder.Append(lineEnding).ToString();
    }

    // h= may fold after any colon: sig-h-tag allows FWS around ":" (RFC 6376 §3.5).
    private static void AppendHeaderList(Folder folder, IReadOnlyList<string> names)
    {
        for (int i = 0; i < names.Count; i++)
        {
            string piece = (i == 0 ? "h=" : string.Empty) + names[i] + (i == names.Count - 1 ? ";" : ":");
            folder.Append(piece, separated: i == 0);
        }
    }

    private sealed class Folder(string lineEnding)
    {
        private readonly StringBuilder _builder = new();
        private int _column;

        public void Append(string token, bool separated = true)
        {
            int needed = token.Length + (separated ? 1 : 0);
            if (_column > 1 && _column + needed > MaximumLineLength)
            {
                _builder.Append(lineEnding).Append(' ');
                _column = 1;
            }
            else if (separated)
            {
                _builder.Append(' ');
                _column++;
            }

            _builder.Append(token);
            _column += token.Length;
        }

        public override string ToString() => _builder.ToString();
    }
}
