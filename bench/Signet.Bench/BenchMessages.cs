using System.Text;

namespace Signet.Bench;

/// <summary>The messages every implementation signs and verifies: a typical header and a plain-text body of about
/// the given size, with CRLF line endings, as they travel over SMTP.</summary>
public static class BenchMessages
{
    public static byte[] Create(int approximateBytes)
    {
        var text = new StringBuilder()
            .Append("From: Alice Example <alice@example.com>\r\n")
            .Append("To: Bob Example <bob@example.net>, Carol <carol@example.org>\r\n")
            .Append("Subject: Quarterly figures and the plan for next year\r\n")
            .Append("Date: Sat, 28 Nov 2026 12:00:00 +0000\r\n")
            .Append("Message-ID: <bench-").Append(approximateBytes).Append("@example.com>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n")
            .Append("\r\n");
        var random = new Random(approximateBytes);
        string[] words = ["the", "figures", "for", "this", "quarter", "are", "in", "line", "with", "plan", "and", "we",
            "expect", "growth", "next", "year", "as", "discussed", "in", "our", "meeting", "on", "Tuesday"];
        while (text.Length < approximateBytes)
        {
            int lineLength = 0;
            while (lineLength < 70)
            {
                string word = words[random.Next(words.Length)];
                text.Append(word).Append(' ');
                lineLength += word.Length + 1;
            }

            text.Length--;
            text.Append("\r\n");
            if (random.Next(8) == 0)
            {
                text.Append("\r\n");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
