namespace Signet.Dkim.DnsText;

/// <summary>How <see cref="DkimDnsTextFormatter"/> writes a key record for people to publish.</summary>
public enum DkimDnsTextFormat
{
    /// <summary>The TXT value as it is, for panels that take the text and split it themselves.</summary>
    Value,

    /// <summary>Zone-file character-strings (RFC 1035 §5.1): strings of at most 255 bytes, each in double quotes,
    /// separated by one space; <c>"</c> and <c>\</c> escaped with a backslash.</summary>
    Quoted,

    /// <summary>As <see cref="Quoted"/>, with every <c>;</c> also written <c>\;</c>.</summary>
    /// <remarks>In zone-file presentation format (RFC 1035 §5.1) <c>\X</c> stands for the character X, so BIND and
    /// nsd read <c>"v=DKIM1\; p=…"</c> as exactly the same bytes as <c>"v=DKIM1; p=…"</c>. The escaped form is for
    /// panels that pass the text into a zone file without keeping the quotes, where an unescaped <c>;</c> would
    /// begin a comment and cut the record short; it is also how <c>dig</c> and <c>host</c> print the record, so
    /// people often compare against it. Both forms load to the same record wherever presentation format is read.</remarks>
    Escaped,

    /// <summary>A complete zone-file line with the absolute name, TTL, class and type, the strings inside
    /// parentheses one per line; BIND and nsd both load it.</summary>
    Zone,

    /// <summary>One JSON object: <c>{"name":…,"type":"TXT","ttl":…,"value":…,"strings":[…]}</c>, for DNS APIs.</summary>
    Json,
}
