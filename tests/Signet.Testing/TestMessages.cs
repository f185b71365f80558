using System.Text;
using Signet.Dkim.Messages;

namespace Signet.Testing;

/// <summary>Builds and splits test messages.</summary>
public static class TestMessages
{
    public const string Simple =
        "From: Joe SixPack <joe@football.example.com>\r\n" +
        "To: Suzie Q <suzie@shopping.example.net>\r\n" +
        "Subject: Is dinner ready?\r\n" +
        "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n" +
        "Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n" +
        "\r\n" +
        "Hi.\r\n" +
        "\r\n" +
        "We lost the game. Are you hungry yet?\r\n" +
        "\r\n" +
        "Joe.\r\n";

    public static (DkimMessageHeader Header, byte[] Body) Split(string message) => Split(Encoding.UTF8.GetBytes(message));

    public static (DkimMessageHeader Header, byte[] Body) Split(byte[] message)
    {
        int bodyStart = DkimHeaderSection.FindBodyStart(message);
        if (bodyStart < 0)
        {
            bodyStart = message.Length;
        }

        if (!DkimMessageHeader.TryParse(DkimHeaderSection.WithoutSeparator(message.AsSpan(0, bodyStart)), out var header, out string error))
        {
            throw new InvalidDataException(error);
        }

        return (header, message[bodyStart..]);
    }

    /// <summary>The message with the given fields put on top, as a signer's caller does.</summary>
    public static byte[] Prepend(IEnumerable<DkimHeaderField> fields, byte[] message) =>
        [.. fields.SelectMany(f => f.Raw), .. message];
}
