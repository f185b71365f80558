using System.Net;
using System.Net.Sockets;
using Signet.Milter.Server;

namespace Signet.Milter.Tests;

public sealed class MilterOptionsTests
{
    [Fact]
    public void Defaults_AreValid_AndListenOnLoopback()
    {
        var options = new MilterOptions();

        Assert.Empty(options.Validate());
        Assert.True(MilterEndpoint.TryParse(options.Listen, out var endpoint, out _));
        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)endpoint.EndPoint).Address);
    }

    [Theory]
    [InlineData("Listen", "nowhere")]
    [InlineData("IdleTimeout", "0")]
    [InlineData("MaximumPacketSize", "1000")]
    public void Validate_BadSetting_IsNamedInTheError(string setting, string value)
    {
        var options = new MilterOptions();
        options = setting switch
        {
            "Listen" => options with { Listen = value },
            "IdleTimeout" => options with { IdleTimeout = TimeSpan.FromSeconds(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) },
            _ => options with { MaximumPacketSize = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        };

        Assert.Contains(options.Validate(), e => e.StartsWith(setting, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1:8891", "127.0.0.1:8891")]
    [InlineData("[::1]:8891", "[::1]:8891")]
    [InlineData("inet:8891@127.0.0.1", "127.0.0.1:8891")]
    [InlineData("localhost:25", "127.0.0.1:25")]
    [InlineData("unix:/run/signet/milter.sock", "unix:/run/signet/milter.sock")]
    public void Endpoint_Parses(string text, string expected)
    {
        Assert.True(MilterEndpoint.TryParse(text, out var endpoint, out string error), error);
        Assert.Equal(expected, endpoint.ToString());
    }

    [Theory]
    [InlineData("unix:relative.sock")]
    [InlineData("mail.example.com:8891")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("")]
    public void Endpoint_Unusable_IsRefusedWithReason(string text)
    {
        Assert.False(MilterEndpoint.TryParse(text, out _, out string error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Endpoint_UnixSocket_HasItsPath()
    {
        Assert.True(MilterEndpoint.TryParse("unix:/tmp/x.sock", out var endpoint, out _));
        Assert.IsType<UnixDomainSocketEndPoint>(endpoint.EndPoint);
        Assert.Equal("/tmp/x.sock", endpoint.SocketPath);
    }
}
