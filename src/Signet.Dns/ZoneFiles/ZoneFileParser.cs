using Signet.Dkim.Lookup;

namespace Signet.Dns.ZoneFiles;

/// <summary>Reads the TXT records of a zone file (RFC 1035 §5.1) into a table by owner name. Records of other types
/// are read past and dropped; directives <c>$ORIGIN</c> and <c>$TTL</c> are understood.</summary>
internal sealed class ZoneFileParser
{
    // RFC 1035 §3.3: a <character-string> is a length byte and at most 255 bytes.
    private const int MaxCharacterStringLength = 255;

    private readonly Dictionary<string, List<TxtRecord>> _records = new(StringComparer.Ordinal);
    private string? _origin;
    private string? _previousOwner;

    private ZoneFileParser()
    {
    }

    /// <summary>Parses the text; names in the result are lower case with no trailing dot.</summary>
    public static bool TryParse(byte[] text, out Dictionary<string, List<TxtRecord>> records, out string error)
    {
        records = [];
        if (!ZoneFileTokenizer.TryTokenize(text, out var entries, out error))
        {
            return false;
        }

        var parser = new ZoneFileParser();
        foreach (var entry in entries)
        {
            if (!parser.TryRead(entry, out string entryError))
            {
                error = $"line {entry.Line}: {entryError}";
                return false;
            }
        }

        records = parser._records;
        return true;
    }

    /// <summary>The form names are kept and compared in: DNS names compare case-insensitively (RFC 4343 §3), and
    /// the trailing dot of a fully qualified name is optional.</summary>
    public static string NormalizeName(string name) => (name.EndsWith('.') ? name[..^1] : name).ToLowerInvariant();

    private bool TryRead(ZoneEntry entry, out string error)
    {
        var tokens = entry.Tokens;
        if (entry.HasOwner && tokens[0].Text.StartsWith('$'))
        {
            return TryReadDirective(tokens, out error);
        }

        int index = 0;
        string? owner = _previousOwner;
        if (entry.HasOwner && !TryResolveName(tokens[index++].Text, out owner, out error))
        {
            return false;
        }

        if (owner is null)
        {
            error = "the record has no owner name and no record came before it";
            return false;
        }

        _previousOwner = owner;
        return TryReadRecord(owner, tokens, index, out error);
    }

    private bool TryReadRecord(string owner, IReadOnlyList<ZoneToken> tokens, int index, out string error)
    {
        // RFC 1035 §5.1: [<TTL>] [<class>] <type> <RDATA>, TTL and class in either order.
        bool isInternet = true;
        for (int seen = 0; seen < 2 && index < tokens.Count && !tokens[index].Quoted; seen++)
        {
            string field = tokens[index].Text;
            if (char.IsAsciiDigit(field[0]))
            {
                if (!ZoneFileTtl.IsValid(field))
                {
                    error = $"\"{field}\" is not a TTL";
                    return false;
                }
            }
            else if (ZoneFileClass.TryParse(field, out bool internet))
            {
                isInternet = internet;
            }
            else
            {
                break;
            }

            index++;
        }

        if (index >= tokens.Count || tokens[index].Quoted)
        {
            error = $"the record for {owner} has no type";
            return false;
        }

        string type = tokens[index++].Text;
        if (!isInternet || !string.Equals(type, "TXT", StringComparison.OrdinalIgnoreCase))
        {
            error = string.Empty;
            return true;
        }

        return TryAddTxt(owner, tokens, index, out error);
    }

    private bool TryAddTxt(string owner, IReadOnlyList<ZoneToken> tokens, int index, out string error)
    {
        if (index >= tokens.Count)
        {
            error = $"the TXT record for {owner} has no text";
            return false;
        }

        var strings = new List<byte[]>(tokens.Count - index);
        for (; index < tokens.Count; index++)
        {
            var token = tokens[index];
            if (!token.Quoted && token.Text == "\\#")
            {
                error = "TXT data in the generic \\# form (RFC 3597) is not supported; write the text";
                return false;
            }

            if (token.Bytes.Length > MaxCharacterStringLength)
            {
                error = $"a TXT string of {token.Bytes.Length} bytes is longer than {MaxCharacterStringLength}; split it in several quoted strings";
                return false;
            }

            strings.Add(token.Bytes);
        }

        if (!_records.TryGetValue(owner, out var list))
        {
            list = [];
            _records.Add(owner, list);
        }

        list.Add(new TxtRecord(strings));
        error = string.Empty;
        return true;
    }

    private bool TryReadDirective(IReadOnlyList<ZoneToken> tokens, out string error)
    {
        string directive = tokens[0].Text.ToUpperInvariant();
        switch (directive)
        {
            case "$ORIGIN" when tokens.Count == 2:
                if (!TryResolveName(tokens[1].Text, out string? origin, out error))
                {
                    return false;
                }

                _origin = origin;
                return true;
            case "$TTL" when tokens.Count == 2:
                error = ZoneFileTtl.IsValid(tokens[1].Text) ? string.Empty : $"\"{tokens[1].Text}\" is not a TTL";
                return error.Length == 0;
            case "$ORIGIN" or "$TTL":
                error = $"{directive} takes one value";
                return false;
            case "$INCLUDE":
                error = "$INCLUDE is not supported; put the records in one file";
                return false;
            default:
                error = $"unknown directive {tokens[0].Text}";
                return false;
        }
    }

    // RFC 1035 §5.1: "@" is the origin; a name without a trailing dot is relative to the origin.
    private bool TryResolveName(string text, out string? name, out string error)
    {
        name = null;
        if (text == "@" || !text.EndsWith('.'))
        {
            if (_origin is null)
            {
                error = $"the relative name \"{text}\" needs a $ORIGIN before it";
                return false;
            }

            name = text == "@" ? _origin : NormalizeName(_origin.Length == 0 ? text : text + "." + _origin);
        }
        else
        {
            name = NormalizeName(text);
        }

        // RFC 1035 §2.3.4: a name is at most 255 octets on the wire, 253 characters as text. Checking it also keeps
        // nested relative $ORIGINs from growing the origin, and the time to build it, without end.
        error = WireLength(name) > 255 ? $"the name \"{name[..Math.Min(name.Length, 40)]}...\" is longer than the 255 octets DNS allows"
            : HasEmptyLabel(name) ? $"the name \"{name[..Math.Min(name.Length, 40)]}\" has an empty label (a dot at its start or two in a row)"
            : string.Empty;
        return error.Length == 0;
    }

    // RFC 1035 §3.1: only the root label is empty, and its trailing dot is already gone. An escaped dot (\.) is part
    // of a label.
    private static bool HasEmptyLabel(string name)
    {
        int labelLength = 0;
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] == '.')
            {
                if (labelLength == 0)
                {
                    return true;
                }

                labelLength = 0;
                continue;
            }

            i += name[i] == '\\' ? 1 : 0;
            labelLength++;
        }

        return name.Length > 0 && labelLength == 0;
    }

    // The octets a text name takes on the wire: a length octet per label, a \DDD or \X escape is one octet.
    private static int WireLength(string name)
    {
        int octets = name.Length == 0 ? 1 : 2;
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] == '\\')
            {
                i += i + 3 < name.Length && char.IsAsciiDigit(name[i + 1]) ? 3 : 1;
            }

            octets++;
        }

        return octets;
    }
}
