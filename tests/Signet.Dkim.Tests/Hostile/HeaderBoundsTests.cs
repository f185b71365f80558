using Signet.Dkim.Messages;
using Signet.Dkim.Verification;
using Signet.Testing;
using static Signet.Dkim.Tests.Hostile.HostileMessages;

namespace Signet.Dkim.Tests.Hostile;

/// <summary>Header sections far larger than any real one: each is handled, correctly and in bounded time.</summary>
public class HeaderBoundsTests
{
    [Fact]
    public async Task Verify_TenThousandHeaderFields_Passes()
    {
        byte[] message = SignWithS1(With(Repeat("X-Filler: value {i}\r\n", 10_000)));

        var results = await VerifyTimed(message, S1Keys());

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(results).Status);
    }

    [Fact]
    public void Parse_TenThousandHeaderFields_KeepsEveryField()
    {
        byte[] section = [.. SimpleHeader, .. "\r\n"u8, .. Repeat("X-Filler-{i}: value\r\n", 10_000)];

        var header = HangBound.Within(() => DkimMessageHeader.TryParse(section, out var parsed, out _) ? parsed : null);

        Assert.Equal(10_005, header!.Fields.Count);
    }

    [Fact]
    public async Task Verify_OneMegabyteSubject_Passes()
    {
        byte[] message = SignWithS1(With([.. "X-Big: "u8, .. Repeat("x", 1 << 20), .. "\r\n"u8]));

        var results = await VerifyTimed(message, S1Keys());

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(results).Status);
    }

    [Fact]
    public async Task Verify_FieldFoldedHundredThousandTimes_Passes()
    {
        byte[] message = SignWithS1(With([.. "Comments: start"u8, .. Repeat("\r\n word", 100_000), .. "\r\n"u8]));

        var results = await VerifyTimed(message, S1Keys());

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(results).Status);
    }

    [Fact]
    public void FindBodyStart_HundredThousandContinuationLines_FindsTheEmptyLine()
    {
        byte[] message = With([.. "Comments: start"u8, .. Repeat("\r\n word", 100_000), .. "\r\n"u8]);

        int bodyStart = HangBound.Within(() => DkimHeaderSection.FindBodyStart(message));

        Assert.Equal(message.Length - SimpleBody.Length, bodyStart);
    }

    [Fact]
    public void FindBodyStart_NoEmptyLineInOneMegabyte_AnswersNotYet()
    {
        byte[] data = Repeat("X-Filler: value\r\n", 65_536);

        Assert.Equal(-1, HangBound.Within(() => DkimHeaderSection.FindBodyStart(data)));
    }

    [Fact]
    public async Task Verify_NulBytesInHeaderValueAndBody_Passes()
    {
        // NUL is not allowed by RFC 5322, but it is only data to a signature: signer and verifier agree on it.
        byte[] message = SignWithS1(With("X-Nul: a\0b\r\n"u8.ToArray(), "body\0with\0nuls\r\n"u8.ToArray()));

        var results = await VerifyTimed(message, S1Keys());

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(results).Status);
    }

    [Fact]
    public void Parse_NulInFieldName_FailsWithTheLine()
    {
        byte[] section = [.. SimpleHeader, .. "\r\nX-N\0l: value\r\n"u8];

        Assert.False(DkimMessageHeader.TryParse(section, out _, out string error));
        Assert.Contains("line 6", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_InvalidUtf8InHeaderValue_Passes()
    {
        byte[] message = SignWithS1(With([.. "Keywords: caf"u8, 0xE9, .. " "u8, 0xFF, 0xFE, 0xC3, .. "\r\n"u8]));

        var results = await VerifyTimed(message, S1Keys());

        Assert.Equal(DkimResultStatus.Pass, Assert.Single(results).Status);
    }
}
