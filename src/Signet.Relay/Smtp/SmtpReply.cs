using System.Globalization;
using System.Text;

namespace Signet.Relay.Smtp;

/// <summary>An SMTP reply: a three-digit code and its text lines (RFC 5321 §4.2), the first line starting with the
/// enhanced status code (RFC 3463) when there is one. Replies are values: the session answers with one, the next hop
/// answers with one, and a next-hop reply can be passed on unchanged.</summary>
public sealed record SmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public bool IsPositive => Code is >= 200 and < 400;

    public bool IsTransientFailure => Code is >= 400 and < 500;

    public bool IsPermanentFailure => Code >= 500;

    public static SmtpReply Of(int code, string enhancedCode, string text) => new(code, [enhancedCode + " " + text]);

    /// <summary>The reply as it goes on the wire, continuation lines marked with '-'.</summary>
    public byte[] ToWire()
    {
        var builder = new StringBuilder();
        var lines = Lines.Count == 0 ? [string.Empty] : Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            builder.Append(Code.ToString(CultureInfo.InvariantCulture)).Append(i < lines.Count - 1 ? '-' : ' ').Append(lines[i]).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    public override string ToString() => Code.ToString(CultureInfo.InvariantCulture) + " " + string.Join(" / ", Lines);
}
