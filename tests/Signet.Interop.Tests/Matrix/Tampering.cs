using System.Text;
using Signet.Dkim.Messages;

namespace Signet.Interop.Tests.Matrix;

/// <summary>Changes a signed message's body the way a careless relay or an attacker would: a line of text inserted
/// at the start of the body, in the message's own line ending. No canonicalization can hide it.</summary>
public static class Tampering
{
    private static readonly byte[] Inserted = Encoding.ASCII.GetBytes("Changed in transit.");

    public static byte[] ChangeBody(byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        int bodyStart = DkimHeaderSection.FindBodyStart(message);
        if (bodyStart < 0)
        {
            bodyStart = message.Length;
        }

        byte[] lineEnd = message.AsSpan().IndexOf("\r\n"u8) >= 0 ? "\r\n"u8.ToArray() : "\n"u8.ToArray();
        return [.. message.AsSpan(0, bodyStart), .. Inserted, .. lineEnd, .. message.AsSpan(bodyStart)];
    }
}
