using System.Text;
using Signet.Testing;

namespace Signet.Interop.Tests.Messages;

/// <summary>The interop message set: the byte-exact vectors in tests/vectors/interop (listed in messages.tsv with
/// what each exercises) plus a 5 MB message made at test time so the repository stays small.</summary>
public static class InteropMessages
{
    public const int LargeThreshold = 1024 * 1024;
    public const string LargeName = "large-5mb";
    private const int LargeBodyBytes = 5 * 1024 * 1024;

    public static string Folder => RepositoryPaths.Vector("interop");

    public static IReadOnlyList<InteropMessage> All { get; } = Load();

    private static List<InteropMessage> Load()
    {
        var messages = new List<InteropMessage>();
        foreach (string line in File.ReadAllLines(Path.Combine(Folder, "messages.tsv")).Skip(1))
        {
            string[] columns = line.Split('\t');
            if (columns.Length != 2)
            {
                throw new InvalidDataException($"messages.tsv: expected 'file<TAB>description', got '{line}'");
            }

            messages.Add(new InteropMessage(
                Path.GetFileNameWithoutExtension(columns[0]), columns[1], File.ReadAllBytes(Path.Combine(Folder, columns[0]))));
        }

        messages.Add(new InteropMessage(LargeName,
            "a 5 MB body of 76-column base64-like lines, made at test time (one key and canonicalization per peer)", Large()));
        return messages;
    }

    // Deterministic: the same bytes every run, so a failure can be reproduced.
    private static byte[] Large()
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var message = new MemoryStream(LargeBodyBytes + 512);
        byte[] header = Encoding.ASCII.GetBytes(
            "From: Alice Sender <alice@interop.test>\r\n" +
            "To: Bob Receiver <bob@example.net>\r\n" +
            "Subject: A five megabyte attachment\r\n" +
            "Date: Mon, 09 Nov 2026 10:15:00 +0000\r\n" +
            "Message-ID: <large.1@interop.test>\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: application/octet-stream\r\n" +
            "Content-Transfer-Encoding: base64\r\n" +
            "\r\n");
        message.Write(header);
        var line = new byte[78];
        line[76] = (byte)'\r';
        line[77] = (byte)'\n';
        uint state = 2463534242;
        while (message.Length - header.Length < LargeBodyBytes)
        {
            for (int i = 0; i < 76; i++)
            {
                // xorshift32: cheap, fixed-seed noise.
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                line[i] = (byte)Alphabet[(int)(state & 63)];
            }

            message.Write(line);
        }

        return message.ToArray();
    }
}
