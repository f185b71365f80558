using System.Text;

namespace Signet.Dns.ZoneFiles;

/// <summary>Splits zone-file text into entries and fields (RFC 1035 §5.1): blanks separate fields, <c>;</c> starts a
/// comment, parentheses continue an entry over line ends, quotes keep blanks inside a field, backslash escapes.</summary>
internal sealed class ZoneFileTokenizer
{
    private readonly byte[] _text;
    private readonly List<ZoneEntry> _entries = [];
    private List<ZoneToken> _tokens = [];
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private int _entryLine;
    private bool _entryHasOwner;
    private int _depth;
    private int _openedOnLine;

    private ZoneFileTokenizer(byte[] text) => _text = text;

    public static bool TryTokenize(byte[] text, out IReadOnlyList<ZoneEntry> entries, out string error)
    {
        var tokenizer = new ZoneFileTokenizer(text);
        bool ok = tokenizer.Run(out error);
        entries = tokenizer._entries;
        return ok;
    }

    private bool Run(out string error)
    {
        while (_position < _text.Length)
        {
            if (!Step(out error))
            {
                return false;
            }
        }

        if (_depth > 0)
        {
            error = $"line {_openedOnLine}: '(' is not closed";
            return false;
        }

        EndEntry();
        error = string.Empty;
        return true;
    }

    private bool Step(out string error)
    {
        error = string.Empty;
        byte current = _text[_position];
        switch (current)
        {
            case (byte)' ' or (byte)'\t' or (byte)'\r':
                _position++;
                return true;
            case (byte)'\n':
                _position++;
                _line++;
                _lineStart = _position;
                if (_depth == 0)
                {
                    EndEntry();
                }

                return true;
            case (byte)';':
                int end = _text.AsSpan(_position).IndexOf((byte)'\n');
                _position = end < 0 ? _text.Length : _position + end;
                return true;
            case (byte)'(':
                _openedOnLine = _depth == 0 ? _line : _openedOnLine;
                _depth++;
                _position++;
                return true;
            case (byte)')':
                if (_depth == 0)
                {
                    error = $"line {_line}: ')' without '('";
                    return false;
                }

                _depth--;
                _position++;
                return true;
            case (byte)'"':
                return TryReadQuoted(out error);
            default:
                return TryReadUnquoted(out error);
        }
    }

    private bool TryReadQuoted(out string error)
    {
        int start = _position;
        var bytes = new List<byte>();
        _position++;
        while (_position < _text.Length && _text[_position] != (byte)'"')
        {
            if (_text[_position] == (byte)'\n')
            {
                break;
            }

            if (!TryReadByte(bytes, out error))
            {
                return false;
            }
        }

        if (_position >= _text.Length || _text[_position] != (byte)'"')
        {
            error = $"line {_line}: quoted string is not closed";
            return false;
        }

        _position++;
        AddToken(start, bytes, quoted: true);
        error = string.Empty;
        return true;
    }

    private bool TryReadUnquoted(out string error)
    {
        int start = _position;
        var bytes = new List<byte>();
        while (_position < _text.Length && !IsDelimiter(_text[_position]))
        {
            if (!TryReadByte(bytes, out error))
            {
                return false;
            }
        }

        AddToken(start, bytes, quoted: false);
        error = string.Empty;
        return true;
    }

    private bool TryReadByte(List<byte> bytes, out string error)
    {
        if (_text[_position] != (byte)'\\')
        {
            bytes.Add(_text[_position++]);
            error = string.Empty;
            return true;
        }

        if (!MasterFileEscapes.TryRead(_text.AsSpan(_position), out byte value, out int consumed, out string escapeError))
        {
            error = $"line {_line}: {escapeError}";
            return false;
        }

        bytes.Add(value);
        _position += consumed;
        error = string.Empty;
        return true;
    }

    private void AddToken(int start, List<byte> bytes, bool quoted)
    {
        if (_tokens.Count == 0)
        {
            _entryLine = _line;
            _entryHasOwner = start == _lineStart;
        }

        string text = Encoding.UTF8.GetString(_text, start, _position - start);
        _tokens.Add(new ZoneToken(text, [.. bytes], quoted));
    }

    private void EndEntry()
    {
        if (_tokens.Count > 0)
        {
            _entries.Add(new ZoneEntry(_entryLine, _entryHasOwner, _tokens));
            _tokens = [];
        }
    }

    private static bool IsDelimiter(byte value) =>
        value is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)';' or (byte)'(' or (byte)')' or (byte)'"';
}
