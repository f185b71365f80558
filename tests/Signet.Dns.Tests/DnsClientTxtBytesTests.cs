using System.Text;
using Signet.Dns;

namespace Signet.Dns.Tests;

public class DnsClientTxtBytesTests
{
    [Theory]
    [InlineData(new byte[] { (byte)'v', (byte)'=', (byte)'D', (byte)'K', (byte)'I', (byte)'M', (byte)'1', (byte)';' })]
    [InlineData(new byte[] { (byte)'\\', (byte)'2', (byte)'0', (byte)'0', 200 })]
    [InlineData(new byte[] { 200, (byte)'\\', (byte)'2', (byte)'0', (byte)'0' })]
    [InlineData(new byte[] { 0xE2, (byte)'\\', (byte)'1', (byte)'3', (byte)'0' })]
    [InlineData(new byte[] { 0xE2, 0x82 })]
    [InlineData(new byte[] { (byte)'\\', (byte)'"', 0xFF, 0x00, 0x7F })]
    [InlineData(new byte[] { 0xEF, 0xBF, 0xBD, 0xC3 })]
    public void TryRecover_WhatDnsClientShows_GivesBackTheBytes(byte[] original)
    {
        Assert.True(DnsClientTxtBytes.TryRecover(DnsClientTxtBytes.Escape(original), Encoding.UTF8.GetString(original), out byte[] bytes));
        Assert.Equal(original, bytes);
    }

    [Fact]
    public void TryRecover_RandomBytesRichInBackslashesAndDigits_GivesBackTheBytes()
    {
        var random = new Random(6376);
        byte[] alphabet = [(byte)'\\', (byte)'"', (byte)'1', (byte)'2', (byte)'0', (byte)';', (byte)'a', 0, 31, 127, 128, 195, 169, 200, 226, 255];
        for (int round = 0; round < 2000; round++)
        {
            byte[] original = [.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)])];

            bool recovered = DnsClientTxtBytes.TryRecover(DnsClientTxtBytes.Escape(original), Encoding.UTF8.GetString(original), out byte[] bytes);

            Assert.True(recovered, Convert.ToHexString(original));
            Assert.Equal(original, bytes);
        }
    }
}
