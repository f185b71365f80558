using System.Text.Unicode;

namespace Signet.Dkim.Alignment;

/// <summary>Finds the Author Domain (RFC 9989 §3.2.2) in the From header fields of a message.</summary>
public static class FromHeaderParser
{
    /// <summary>Parses the values (the bytes after the colon, folding allowed) of every From header field of a
    /// message. Never throws for bad mail: a malformed field yields <see cref="FromDomainStatus.Unparseable"/>.</summary>
    public static FromDomainResult Parse(IReadOnlyList<ReadOnlyMemory<byte>> fromFieldValues)
    {
        if (fromFieldValues.Count == 0)
        {
            return new(FromDomainStatus.None, [], [], "the message has no From header field, so it has no Author Domain (RFC 9989 §5.3.1)");
        }

        var addresses = new List<string>();
        var domains = new List<string>();
        var distinctDomains = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        for (int i = 0; i < fromFieldValues.Count; i++)
        {
            if (!TryParseField(fromFieldValues[i].Span, addresses, domains, distinctDomains, out string error))
            {
                errors.Add(fromFieldValues.Count == 1 ? $"the From field is malformed: {error}" : $"From field {i + 1} is malformed: {error}");
            }
        }

        if (fromFieldValues.Count > 1)
        {
            // RFC 5322 §3.6 allows one From field; RFC 9989 §5.3.1 cannot judge a message with several.
            string detail = errors.Count > 0 ? "; " + string.Join("; ", errors) : string.Empty;
            return new(FromDomainStatus.Several, domains, addresses,
                $"the message has {fromFieldValues.Count} From header fields where RFC 5322 §3.6 allows one; DMARC cannot judge it (RFC 9989 §5.3.1){detail}");
        }

        if (errors.Count > 0)
        {
            return new(FromDomainStatus.Unparseable, domains, addresses, errors[0]);
        }

        if (addresses.Count == 0)
        {
            return new(FromDomainStatus.None, [], [], "the From field is a group with no mailbox, so the message has no Author Domain (RFC 9989 §5.3.1)");
        }

        if (addresses.Count > 1)
        {
            string common = domains.Count == 1 ? $", all at {domains[0]}" : string.Empty;
            return new(FromDomainStatus.Several, domains, addresses,
                $"the From field names {addresses.Count} mailboxes ({string.Join(", ", addresses)}{common}); with more than one author DMARC cannot judge the message (RFC 9989 §5.3.1, §11.5)");
        }

        return new(FromDomainStatus.One, domains, addresses, $"the Author Domain is {domains[0]} (from {addresses[0]})");
    }

    // domains keeps the order the domains were found in; distinctDomains answers "seen already?" in constant time, so
    // that a From listing many mailboxes costs linear time.
    private static bool TryParseField(ReadOnlySpan<byte> value, List<string> addresses, List<string> domains, HashSet<string> distinctDomains, out string error)
    {
        if (!TryUnfold(value, out byte[] unfolded, out error))
        {
            return false;
        }

        // RFC 6532 §3.2: header fields may carry UTF-8, and only UTF-8.
        if (!Utf8.IsValid(unfolded))
        {
            error = "it is not valid UTF-8 (RFC 6532 §3.2)";
            return false;
        }

        var mailboxes = new List<WrittenMailbox>();
        if (!AddressListReader.TryRead(unfolded, mailboxes, out error))
        {
            return false;
        }

        foreach (var mailbox in mailboxes)
        {
            // RFC 9989 §5.3.1: a U-label Author Domain is converted to an A-label before further processing.
            if (!DomainName.TryNormalize(mailbox.Domain, out string domain, out string domainError))
            {
                error = $"the address {mailbox.LocalPart}@{mailbox.Domain} has a bad domain: {domainError}";
                return false;
            }

            addresses.Add($"{mailbox.LocalPart}@{domain}");
            if (distinctDomains.Add(domain))
            {
                domains.Add(domain);
            }
        }

        return true;
    }

    // RFC 5322 §2.2.3: unfolding removes each CRLF that is followed by whitespace. A CRLF ending the value is
    // dropped too; any other CR or LF is not allowed in a field body.
    private static bool TryUnfold(ReadOnlySpan<byte> value, out byte[] unfolded, out string error)
    {
        if (value.EndsWith("\r\n"u8))
        {
            value = value[..^2];
        }

        var buffer = new List<byte>(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            byte b = value[i];
            if (b is (byte)'\r' or (byte)'\n')
            {
                int next = b == '\r' && i + 1 < value.Length && value[i + 1] == '\n' ? i + 2 : i + 1;
                if (next >= value.Length || value[next] is not ((byte)' ' or (byte)'\t'))
                {
                    unfolded = [];
                    error = $"it has a line break not followed by whitespace (at character {i + 1})";
                    return false;
                }

                i = next - 1;
                continue;
            }

            buffer.Add(b);
        }

        unfolded = [.. buffer];
        error = string.Empty;
        return true;
    }
}
