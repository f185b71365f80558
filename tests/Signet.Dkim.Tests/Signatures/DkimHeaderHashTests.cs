using System.Text;
using Signet.Dkim.Signatures;
using Signet.Testing;

namespace Signet.Dkim.Tests.Signatures;

public class DkimHeaderHashTests
{
    [Theory]
    [InlineData("DKIM-Signature: v=1; b=abc; bh=xyz\r\n", "DKIM-Signature: v=1; b=; bh=xyz\r\n")]
    [InlineData("DKIM-Signature: v=1; bh=xyz; b=ab\r\n c\r\n", "DKIM-Signature: v=1; bh=xyz; b=\r\n")]
    [InlineData("DKIM-Signature: v=1; bh=xyz;\r\n b = ab c ; d=x\r\n", "DKIM-Signature: v=1; bh=xyz;\r\n b =; d=x\r\n")]
    public void WithEmptySignature_DeletesOnlyTheBValue(string field, string expected)
    {
        Assert.Equal(expected, Encoding.ASCII.GetString(DkimHeaderHash.WithEmptySignature(Encoding.ASCII.GetBytes(field))));
    }

    [Fact]
    public void SelectFields_RepeatedNames_TakeInstancesFromTheBottomUp()
    {
        var (header, _) = TestMessages.Split("Received: a\r\nX: first\r\nFrom: f\r\nX: second\r\n\r\n");
        var selected = DkimHeaderHash.SelectFields(header, ["x", "from", "x", "x"]).Select(f => f.ToString()).ToList();
        Assert.Equal(["X: second\r\n", "From: f\r\n", "X: first\r\n"], selected);
    }
}
