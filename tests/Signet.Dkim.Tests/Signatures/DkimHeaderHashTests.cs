using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Signet.Dkim.Canonicalization;
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

    [Theory]
    [InlineData("DKIM-Signature: v=1; b=abc; bh=xyz\r\n")]
    [InlineData("DKIM-Signature: v=1; bh=xyz; b=ab\r\n c\r\n")]
    [InlineData("DKIM-Signature: v=1; bh=xyz;\r\n b = ab c ; d=x\r\n")]
    [InlineData("DKIM-Signature: v=1; bh=xyz")]
    [InlineData("DKIM-Signature: b=")]
    [InlineData("DKIM-Signature: b=;b=x;\r\n")]
    [InlineData("DKIM-Signature:b=x\r")]
    [InlineData("DKIM-Signature: v=1; B=x; b=\r\n\r\n")]
    public void Compute_HostileSignatureField_HashesTheFieldsAndTheFieldWithoutItsSignature(string signatureField)
    {
        var (header, _) = TestMessages.Split("From: a@example.com\r\nSubject:  Hi \r\n\tthere\r\nTo: b@example.net\r\n\r\n");
        byte[] field = Encoding.ASCII.GetBytes(signatureField);
        string[] signed = ["from", "subject", "to", "cc"];

        foreach (var canonicalization in new[] { DkimCanonicalization.Simple, DkimCanonicalization.Relaxed })
        {
            // RFC 6376 §3.7, step by step: the selected fields, then the field with b= emptied and no final CRLF.
            var data = new ArrayBufferWriter<byte>();
            foreach (var selected in DkimHeaderHash.SelectFields(header, signed))
            {
                DkimHeaderCanonicalizer.Canonicalize(canonicalization, selected.Raw, data);
            }

            DkimHeaderCanonicalizer.Canonicalize(canonicalization, DkimHeaderHash.WithEmptySignature(field), data);
            byte[] expected = SHA256.HashData(data.WrittenSpan[..^2]);

            Assert.Equal(expected, DkimHeaderHash.Compute(header, signed, canonicalization, field));
            byte[] intoSpan = new byte[32];
            DkimHeaderHash.Compute(header, signed, canonicalization, field, intoSpan);
            Assert.Equal(expected, intoSpan);
        }
    }

    [Fact]
    public void SelectFields_RepeatedNames_TakeInstancesFromTheBottomUp()
    {
        var (header, _) = TestMessages.Split("Received: a\r\nX: first\r\nFrom: f\r\nX: second\r\n\r\n");
        var selected = DkimHeaderHash.SelectFields(header, ["x", "from", "x", "x"]).Select(f => f.ToString()).ToList();
        Assert.Equal(["X: second\r\n", "From: f\r\n", "X: first\r\n"], selected);
    }
}
