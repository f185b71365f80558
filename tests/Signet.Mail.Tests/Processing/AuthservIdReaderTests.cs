using System.Text;
using Signet.Mail.Processing;

namespace Signet.Mail.Tests.Processing;

public sealed class AuthservIdReaderTests
{
    [Theory]
    [InlineData(" mx.example.com; dkim=pass", "mx.example.com")]
    [InlineData("mx.example.com;dkim=pass", "mx.example.com")]
    [InlineData(" (comment (nested)) mx.example.com 1; none", "mx.example.com")]
    [InlineData(" \"mx.example.com\"; none", "mx.example.com")]
    [InlineData("\n\tmx.example.com;\n\tdkim=pass", "mx.example.com")]
    [InlineData(" mx.example.com", "mx.example.com")]
    [InlineData("  ", null)]
    [InlineData(" (unterminated", null)]
    public void Read_FindsTheAuthservId(string value, string? expected)
    {
        Assert.Equal(expected, AuthservIdReader.Read(Encoding.ASCII.GetBytes(value)));
    }

    [Theory]
    [InlineData(" MX.Example.COM; none", true)]
    [InlineData(" mx.example.com.evil; none", false)]
    [InlineData(" evil.mx.example.com; none", false)]
    public void Claims_ComparesWithoutCase(string value, bool claims)
    {
        Assert.Equal(claims, AuthservIdReader.Claims(Encoding.ASCII.GetBytes(value), "mx.example.com"));
    }
}
