using System.Text;
using Signet.Dkim.Messages;

namespace Signet.Dkim.Tests.Messages;

public sealed class DkimHeaderSectionBufferTests
{
    public static TheoryData<string> Messages =>
    [
        "From: a@example.com\r\nSubject: x\r\n\r\nbody\r\n",
        "From: a@example.com\nSubject: x\n\nbody\n",
        "From: a@example.com\r\nSubject: x\n\r\nbody",
        "\r\nbody only\r\n",
        "From: a@example.com\r\nSubject: no body, no empty line",
        "From: a@example.com\r\n\tfolded\r\n\r\n\r\n\r\n",
    ];

    [Theory]
    [MemberData(nameof(Messages))]
    public void Append_InChunksOfAnySize_FindsTheSameBodyStartAsTheWholeMessage(string text)
    {
        byte[] message = Encoding.ASCII.GetBytes(text);
        int expected = DkimHeaderSection.FindBodyStart(message) is var found and >= 0 ? found : message.Length;
        foreach (int size in new[] { 1, 2, 7, message.Length })
        {
            var section = new DkimHeaderSectionBuffer();
            var body = new List<byte>();
            for (int offset = 0; offset < message.Length; offset += size)
            {
                var chunk = message.AsSpan(offset, Math.Min(size, message.Length - offset));
                int taken = section.Append(chunk);
                if (section.IsComplete)
                {
                    body.AddRange(chunk[taken..].ToArray());
                }
            }

            section.End();
            Assert.Equal(message[..expected], section.Section.ToArray());
            Assert.Equal(message[expected..], body.ToArray());
        }
    }

    [Theory]
    [InlineData(64, 63, false)]
    [InlineData(64, 64, false)]
    [InlineData(64, 65, true)]
    public void IsTooLarge_CountsTheWholeSection_EndedOrNot(int cap, int headerBytes, bool tooLarge)
    {
        // A header field padded to the size wanted, with the empty line counted in it.
        string field = "X: " + new string('a', headerBytes - 7) + "\r\n\r\n";
        Assert.Equal(headerBytes, field.Length);
        var ended = new DkimHeaderSectionBuffer(cap);
        ended.Append(Encoding.ASCII.GetBytes(field + "body"));
        var unended = new DkimHeaderSectionBuffer(cap);
        unended.Append(Encoding.ASCII.GetBytes(field[..^2]));

        Assert.Equal(tooLarge, ended.IsTooLarge);
        Assert.Equal(headerBytes - 2 > cap, unended.IsTooLarge);
    }

    [Fact]
    public void Append_PastTheCap_StopsHolding_AndSaysWhy()
    {
        var section = new DkimHeaderSectionBuffer(1024);
        byte[] hostile = Encoding.ASCII.GetBytes("X: " + new string('a', 4000));
        section.Append(hostile);
        Assert.True(section.IsTooLarge);
        Assert.Equal(0, section.Append(hostile));
        Assert.Equal(hostile.Length, section.Section.Length);
        Assert.Equal("the header section is larger than 1 KB", section.TooLargeReason);
        Assert.Equal("the header section is larger than 1 MB", new DkimHeaderSectionBuffer().TooLargeReason);
    }
}
