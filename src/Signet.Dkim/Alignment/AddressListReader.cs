using System.Text;

namespace Signet.Dkim.Alignment;

/// <summary>Reads an RFC 5322 §3.4 address-list from an unfolded field value: display names, nested comments,
/// quoted strings, angle addresses, groups (allowed in From by RFC 6854), the obsolete forms of §4.4 (routes,
/// empty list elements, dots in phrases, CFWS around dots) and UTF-8 in words (RFC 6532 §3.2).</summary>
internal ref struct AddressListReader
{
    private readonly ReadOnlySpan<byte> _text;
    private int _position;
    private string _error;

    private AddressListReader(ReadOnlySpan<byte> text)
    {
        _text = text;
        _position = 0;
        _error = string.Empty;
    }

    private readonly bool AtEnd => _position >= _text.Length;

    private readonly byte Current => _text[_position];

    public static bool TryRead(ReadOnlySpan<byte> text, List<WrittenMailbox> mailboxes, out string error)
    {
        var reader = new AddressListReader(text);
        bool read = reader.ReadAddressList(mailboxes);
        error = reader._error;
        return read;
    }

    private bool ReadAddressList(List<WrittenMailbox> mailboxes)
    {
        bool sawAddress = false;
        while (true)
        {
            if (!SkipComments())
            {
                return false;
            }

            if (AtEnd)
            {
                return sawAddress || Fail("it holds no address");
            }

            if (Current == ',')
            {
                // RFC 5322 §4.4 obs-addr-list: empty list elements are allowed.
                _position++;
                continue;
            }

            if (!ReadAddress(mailboxes, allowGroup: true) || !SkipComments())
            {
                return false;
            }

            sawAddress = true;
            if (!AtEnd && Current != ',')
            {
                return Fail($"expected ',' between addresses, found {Describe()}");
            }
        }
    }

    // RFC 5322 §3.4: address = mailbox / group; mailbox = name-addr / addr-spec.
    private bool ReadAddress(List<WrittenMailbox> mailboxes, bool allowGroup)
    {
        int start = _position;
        if (!ReadPhrase(out int words) || !SkipComments())
        {
            return false;
        }

        if (!AtEnd && Current == '<')
        {
            return ReadAngleAddress(mailboxes);
        }

        if (!AtEnd && Current == ':' && words > 0)
        {
            if (!allowGroup)
            {
                return Fail("a group cannot be nested inside another group");
            }

            _position++;
            return ReadGroupList(mailboxes);
        }

        // Not a display name after all: read the words again as the local part of an addr-spec.
        _position = start;
        if (!ReadAddressSpecification(out var mailbox))
        {
            return false;
        }

        mailboxes.Add(mailbox);
        return true;
    }

    // RFC 5322 §3.4: group = display-name ":" [group-list] ";" [CFWS].
    private bool ReadGroupList(List<WrittenMailbox> mailboxes)
    {
        while (true)
        {
            if (!SkipComments())
            {
                return false;
            }

            if (AtEnd)
            {
                return Fail("the group is not closed with ';'");
            }

            switch (Current)
            {
                case (byte)';':
                    _position++;
                    return true;
                case (byte)',':
                    // RFC 5322 §4.4 obs-group-list / obs-mbox-list: empty elements.
                    _position++;
                    continue;
            }

            if (!ReadAddress(mailboxes, allowGroup: false) || !SkipComments())
            {
                return false;
            }

            if (!AtEnd && Current is not (byte)',' and not (byte)';')
            {
                return Fail($"expected ',' or ';' in the group, found {Describe()}");
            }
        }
    }

    // RFC 5322 §3.4: angle-addr = [CFWS] "<" addr-spec ">" [CFWS]; §4.4 obs-angle-addr adds a source route.
    private bool ReadAngleAddress(List<WrittenMailbox> mailboxes)
    {
        _position++;
        if (!SkipComments())
        {
            return false;
        }

        if (!AtEnd && Current == '>')
        {
            return Fail("the angle address <> is empty");
        }

        if (!AtEnd && Current is (byte)'@' or (byte)',' && !SkipObsoleteRoute())
        {
            return false;
        }

        if (!ReadAddressSpecification(out var mailbox) || !SkipComments())
        {
            return false;
        }

        if (AtEnd || Current != '>')
        {
            return Fail($"expected '>' to close the angle address, found {Describe()}");
        }

        _position++;
        mailboxes.Add(mailbox);
        return true;
    }

    // RFC 5322 §4.4: obs-route = obs-domain-list ":"; the route is read and dropped.
    private bool SkipObsoleteRoute()
    {
        while (SkipComments() && !AtEnd && Current is (byte)',' or (byte)'@')
        {
            bool isDomain = Current == '@';
            _position++;
            if (isDomain && !ReadDomain(out _, allowLiteral: true))
            {
                return false;
            }
        }

        if (_error.Length > 0)
        {
            return false;
        }

        if (AtEnd || Current != ':')
        {
            return Fail($"expected ':' after the source route, found {Describe()}");
        }

        _position++;
        return true;
    }

    // RFC 5322 §3.4.1: addr-spec = local-part "@" domain.
    private bool ReadAddressSpecification(out WrittenMailbox mailbox)
    {
        mailbox = default;
        if (!ReadLocalPart(out string localPart) || !SkipComments())
        {
            return false;
        }

        if (AtEnd || Current != '@')
        {
            return Fail($"expected '@' after \"{localPart}\", found {Describe()}");
        }

        _position++;
        if (!ReadDomain(out string domain, allowLiteral: false))
        {
            return false;
        }

        mailbox = new WrittenMailbox(localPart, domain);
        return true;
    }

    // RFC 5322 §3.4.1 local-part = dot-atom / quoted-string; §4.4 obs-local-part = word *("." word).
    private bool ReadLocalPart(out string localPart)
    {
        var builder = new StringBuilder();
        localPart = string.Empty;
        while (true)
        {
            if (!SkipComments())
            {
                return false;
            }

            int start = _position;
            if (!AtEnd && Current == '"')
            {
                if (!SkipQuotedString())
                {
                    return false;
                }
            }
            else if (!SkipAtom())
            {
                return Fail(builder.Length == 0 ? $"expected an address, found {Describe()}" : $"expected a word after '.' in \"{builder}\"");
            }

            builder.Append(Encoding.UTF8.GetString(_text[start.._position]));
            if (!SkipComments())
            {
                return false;
            }

            if (AtEnd || Current != '.')
            {
                localPart = builder.ToString();
                return true;
            }

            _position++;
            builder.Append('.');
        }
    }

    // RFC 5322 §3.4.1 domain = dot-atom / domain-literal; §4.4 obs-domain = atom *("." atom).
    private bool ReadDomain(out string domain, bool allowLiteral)
    {
        domain = string.Empty;
        if (!SkipComments())
        {
            return false;
        }

        if (!AtEnd && Current == '[')
        {
            return allowLiteral
                ? SkipDomainLiteral()
                : Fail("the domain is an address literal; DMARC needs a domain name (RFC 9989 §5.3.1)");
        }

        var builder = new StringBuilder();
        while (true)
        {
            int start = _position;
            if (!SkipAtom())
            {
                return Fail(builder.Length == 0 ? $"expected a domain after '@', found {Describe()}" : $"expected a label after \"{builder}\"");
            }

            builder.Append(Encoding.UTF8.GetString(_text[start.._position]));
            if (!SkipComments() || AtEnd || Current != '.')
            {
                domain = builder.ToString();
                return _error.Length == 0;
            }

            _position++;
            builder.Append('.');
            if (!SkipComments())
            {
                return false;
            }

            if (AtEnd || Current is (byte)'>' or (byte)',' or (byte)';')
            {
                // A single trailing dot (an absolute name) is tolerated; DomainName removes it.
                domain = builder.ToString();
                return true;
            }
        }
    }

    // RFC 5322 §3.2.5: phrase = 1*word / obs-phrase (which also allows "." after the first word).
    private bool ReadPhrase(out int words)
    {
        words = 0;
        while (SkipComments() && !AtEnd)
        {
            if (AddressSyntax.TryMeasureEncodedWord(_text[_position..], out int length))
            {
                // RFC 2047 §5 (3): an encoded-word may stand in for a word of a display name.
                _position += length;
            }
            else if (Current == '"')
            {
                if (!SkipQuotedString())
                {
                    return false;
                }
            }
            else if (Current == '.' && words > 0)
            {
                _position++;
                continue;
            }
            else if (!SkipAtom())
            {
                break;
            }

            words++;
        }

        return _error.Length == 0;
    }

    private bool SkipAtom()
    {
        int start = _position;
        while (!AtEnd && AddressSyntax.IsAtomText(Current))
        {
            _position++;
        }

        return _position > start;
    }

    private bool SkipQuotedString() =>
        AddressSyntax.TrySkipQuotedString(_text, ref _position) || Fail("a quoted string is not closed with '\"'");

    private bool SkipDomainLiteral() =>
        AddressSyntax.TrySkipDomainLiteral(_text, ref _position) || Fail("a domain literal is not closed with ']'");

    // RFC 5322 §3.2.2: CFWS; comments nest and may hold quoted-pairs.
    private bool SkipComments()
    {
        if (_error.Length > 0)
        {
            return false;
        }

        while (!AtEnd)
        {
            if (AddressSyntax.IsWhitespace(Current))
            {
                _position++;
            }
            else if (Current == '(')
            {
                if (!AddressSyntax.TrySkipComment(_text, ref _position))
                {
                    return Fail("a comment is not closed with ')'");
                }
            }
            else
            {
                break;
            }
        }

        return true;
    }

    private readonly string Describe() => AtEnd ? "the end of the field" : AddressSyntax.Describe(Current);

    private bool Fail(string error)
    {
        if (_error.Length == 0)
        {
            _error = $"{error} (at character {Math.Min(_position, _text.Length) + 1})";
        }

        return false;
    }
}
