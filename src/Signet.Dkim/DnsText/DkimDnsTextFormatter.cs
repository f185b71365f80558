using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Signet.Dkim.DnsText;

/// <summary>Writes a key record's TXT value in the forms DNS servers and panels take. Long values become several
/// character-strings of at most 255 bytes (RFC 1035 §3.3.14); receivers join them with nothing in between
/// (RFC 6376 §3.6.2.2), so the split may fall anywhere, p= included.</summary>
public static class DkimDnsTextFormatter
{
    /// <summary>The most bytes one TXT character-string holds (RFC 1035 §3.3).</summary>
    public const int MaximumStringBytes = 255;

    // Base64 holds '+' and '/', which the default encoder writes as \u002B; the output is JSON for DNS APIs,
    // never embedded in HTML, so only what JSON itself requires is escaped.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(string recordName, string recordValue, DkimDnsTextFormat format, int ttl = 3600)
    {
        ArgumentNullException.ThrowIfNull(recordName);
        ArgumentNullException.ThrowIfNull(recordValue);
        ArgumentOutOfRangeException.ThrowIfNegative(ttl);
        return format switch
        {
            DkimDnsTextFormat.Value => recordValue,
            DkimDnsTextFormat.Quoted => string.Join(' ', Split(recordValue).Select(s => Quote(s, escapeSemicolon: false))),
            DkimDnsTextFormat.Escaped => string.Join(' ', Split(recordValue).Select(s => Quote(s, escapeSemicolon: true))),
            DkimDnsTextFormat.Zone => FormatZone(recordName, recordValue, ttl),
            DkimDnsTextFormat.Json => FormatJson(recordName, recordValue, ttl),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>Cuts the value into strings of at most 255 bytes of UTF-8, each exactly 255 but the last. A cut never
    /// falls inside a multi-byte character (key records are ASCII, where this never moves a cut).</summary>
    public static IReadOnlyList<string> Split(string recordValue)
    {
        ArgumentNullException.ThrowIfNull(recordValue);
        byte[] bytes = Encoding.UTF8.GetBytes(recordValue);
        var strings = new List<string>();
        int start = 0;
        while (start < bytes.Length || strings.Count == 0)
        {
            int end = Math.Min(start + MaximumStringBytes, bytes.Length);
            while (end < bytes.Length && (bytes[end] & 0xC0) == 0x80)
            {
                end--;
            }

            strings.Add(Encoding.UTF8.GetString(bytes, start, end - start));
            start = end;
        }

        return strings;
    }

    private static string FormatZone(string recordName, string recordValue, int ttl)
    {
        string name = recordName.EndsWith('.') ? recordName : recordName + ".";
        var strings = Split(recordValue).Select(s => Quote(s, escapeSemicolon: false));

        // One line, so it can be appended to a zone file or pasted as is; RFC 1035 §5.1 allows several
        // character-strings after TXT on one line.
        return $"{name} {ttl} IN TXT {string.Join(" ", strings)}";
    }

    private static string FormatJson(string recordName, string recordValue, int ttl)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("name", recordName.TrimEnd('.'));
            json.WriteString("type", "TXT");
            json.WriteNumber("ttl", ttl);
            json.WriteString("value", recordValue);
            json.WriteStartArray("strings");
            foreach (string s in Split(recordValue))
            {
                json.WriteStringValue(s);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // RFC 1035 §5.1: inside a quoted character-string, '"' and '\' are escaped with '\', and a byte that is not
    // printable ASCII is written \DDD in decimal.
    private static string Quote(string value, bool escapeSemicolon)
    {
        var quoted = new StringBuilder(value.Length + 8).Append('"');
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (byte)'"' or (byte)'\\' || (escapeSemicolon && b == (byte)';'))
            {
                quoted.Append('\\').Append((char)b);
            }
            else if (b is < 0x20 or > 0x7E)
            {
                quoted.Append('\\').Append(b.ToString("D3"));
            }
            else
            {
                quoted.Append((char)b);
            }
        }

        return quoted.Append('"').ToString();
    }
}
