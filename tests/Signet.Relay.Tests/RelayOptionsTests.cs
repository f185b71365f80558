using Signet.Mail.Processing;

namespace Signet.Relay.Tests;

public sealed class RelayOptionsTests
{
    private static readonly RelayOptions Valid = new() { NextHop = "127.0.0.1:10026", HostName = "relay.signet.test" };

    [Fact]
    public void Validate_Defaults_WithANextHop_HaveNoError() => Assert.Empty(Valid.Validate());

    [Theory]
    [InlineData("Listen", "mail.example.com:25", "not an IP address")]
    [InlineData("Listen", "127.0.0.1", "not HOST:PORT")]
    [InlineData("NextHop", "", "NextHop")]
    [InlineData("NextHop", "mx.example.com:99999", "not a port number")]
    [InlineData("CertificatePath", "/nonexistent/relay.pfx", "does not exist")]
    [InlineData("Authentication", "on", "needs a CertificatePath")]
    [InlineData("MaximumMessageSize", "0", "MaximumMessageSize must be positive")]
    public void Validate_BadSetting_SaysWhatIsWrong(string setting, string value, string expected)
    {
        var options = setting switch
        {
            "Listen" => Valid with { Listen = value },
            "NextHop" => Valid with { NextHop = value },
            "CertificatePath" => Valid with { CertificatePath = value },
            "Authentication" => Valid with { Authentication = true },
            _ => Valid with { MaximumMessageSize = 0 },
        };

        Assert.Contains(options.Validate(), error => error.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Server_AuthenticationWithoutAuthenticator_IsRefusedAtConstruction()
    {
        var options = Valid with { Authentication = true, AuthenticationRequiresTls = false };
        var processor = new DkimMessageProcessor(Support.RelayHarness.Mail, Support.FixedSigningPolicy.Unavailable(),
            new Signet.Testing.InMemoryTxtSource(), new Signet.Dkim.Alignment.PublicSuffixListResolver(Signet.Dkim.Alignment.PublicSuffixList.Embedded));

        var error = Assert.Throws<ArgumentException>(() => new RelayServer(options, processor));
        Assert.Contains("no user authenticator", error.Message, StringComparison.Ordinal);
    }
}
