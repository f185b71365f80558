using System.Text;

namespace Signet.Dkim.Messages;

/// <summary>One header field exactly as it stands in the message: name, colon, value and folding, with its own
/// line ending (CRLF or bare LF). Canonicalization reads <see cref="Raw"/>; nothing here is normalised.</summary>
public sealed class DkimHeaderField
{
    private readonly int _colon;

    public DkimHeaderField(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        _colon = raw.AsSpan().IndexOf((byte)':');
        if (_colon <= 0)
        {
            throw new ArgumentException("A header field needs a name and a colon.", nameof(raw));
        }

        Raw = raw;
        var name = DkimWhitespace.TrimEndSpaceAndTab(raw.AsSpan(0, _colon));
        Name = DkimCommonHeaderNames.TryGet(name, out string common) ? common : Encoding.ASCII.GetString(name);
    }

    /// <summary>The field's bytes, including its terminating line ending when it had one.</summary>
    public byte[] Raw { get; }

    /// <summary>The field name as written (compare it case-insensitively, RFC 5322 §1.2.2).</summary>
    public string Name { get; }

    /// <summary>The value after the colon, folding kept, without the terminating line ending.</summary>
    public ReadOnlySpan<byte> Value => Raw.AsSpan(_colon + 1, WithoutLineEnding(Raw).Length - _colon - 1);

    public ReadOnlyMemory<byte> ValueMemory => Raw.AsMemory(_colon + 1, WithoutLineEnding(Raw).Length - _colon - 1);

    public bool IsNamed(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    public static DkimHeaderField Create(string name, string value, string lineEnding = "\r\n") =>
        new(Encoding.UTF8.GetBytes(name + ":" + value + lineEnding));

    private static ReadOnlySpan<byte> WithoutLineEnding(ReadOnlySpan<byte> raw)
    {
        if (raw.EndsWith("\n"u8)) raw = raw[..^1];
        if (raw.EndsWith("\r"u8)) raw = raw[..^1];
        return raw;
    }

    public override string ToString() => Encoding.UTF8.GetString(Raw);
}
