using System.Net;
using Signet.Dkim.Alignment;
using Signet.Dkim.Messages;
using Signet.Mail.Policy;
using Signet.Mail.Processing;
using Signet.Testing;

namespace Signet.Mail.Tests;

public sealed class MailOptionsTests
{
    private static readonly MailOptions Valid = new() { AuthservId = "mx.example.com" };

    [Fact]
    public void Defaults_AreValid_AndTheSecureOnes()
    {
        Assert.Empty(Valid.Validate());
        Assert.Equal(MailFailureAction.TempFail, Valid.SigningFailureAction);
        Assert.Equal(MailFailureAction.Accept, Valid.VerificationFailureAction);
        Assert.Equal(UnauthorizedSenderAction.Reject, Valid.UnauthorizedSenderAction);
        Assert.Equal(DkimHeaderSectionBuffer.DefaultMaximumBytes, Valid.MaximumHeaderSize);
        var networks = Valid.ParseInternalNetworks();
        Assert.Contains(networks, n => n.Contains(IPAddress.Loopback));
        Assert.Contains(networks, n => n.Contains(IPAddress.IPv6Loopback));
        Assert.DoesNotContain(networks, n => n.Contains(IPAddress.Parse("192.0.2.1")));
    }

    [Theory]
    [InlineData("AuthservId", "mx example")]
    [InlineData("AuthservId", "")]
    [InlineData("AuthservId", "mx.example.com; dkim=pass")]
    [InlineData("AuthservId", "mx(comment)")]
    [InlineData("AuthservId", "mx\r\nX-Injected: 1")]
    [InlineData("InternalNetworks", "10.0.0.0/33")]
    [InlineData("InternalNetworks", "not a network")]
    [InlineData("InternalNetworks", "")]
    [InlineData("MaximumSignatures", "0")]
    [InlineData("MaximumSignatures", "-1")]
    [InlineData("MaximumVerifiedMessageSize", "0")]
    [InlineData("MaximumHeaderSize", "1023")]
    public void Validate_BadSetting_IsNamedInTheError(string setting, string value)
    {
        var options = setting switch
        {
            "AuthservId" => Valid with { AuthservId = value },
            "InternalNetworks" => Valid with { InternalNetworks = [value] },
            "MaximumSignatures" => Valid with { MaximumSignatures = Number(value) },
            "MaximumVerifiedMessageSize" => Valid with { MaximumVerifiedMessageSize = Number(value) },
            _ => Valid with { MaximumHeaderSize = Number(value) },
        };

        Assert.Contains(options.Validate(), e => e.StartsWith(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void Processor_UnusableOptions_IsRefusedAtConstructionNamingEveryProblem()
    {
        var options = Valid with { AuthservId = "bad id", InternalNetworks = ["10.0.0.0/33"] };

        var error = Assert.Throws<ArgumentException>(() => new DkimMessageProcessor(options, new NoPolicy(), new InMemoryTxtSource(),
            new PublicSuffixListResolver(PublicSuffixList.Embedded)));

        Assert.Contains("AuthservId", error.Message, StringComparison.Ordinal);
        Assert.Contains("10.0.0.0/33", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Processor_InternalNetworks_AreTheOptionsParsed()
    {
        var processor = new DkimMessageProcessor(Valid with { InternalNetworks = ["192.0.2.0/24"] }, new NoPolicy(), new InMemoryTxtSource(),
            new PublicSuffixListResolver(PublicSuffixList.Embedded));

        var network = Assert.Single(processor.InternalNetworks);
        Assert.True(network.Contains(IPAddress.Parse("192.0.2.77")));
        Assert.False(network.Contains(IPAddress.Loopback));
    }

    private static int Number(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private sealed class NoPolicy : IMailSigningPolicy
    {
        public ValueTask<MailSigningDecision> DecideAsync(MailSigningContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(MailSigningDecision.NoSignature("test"));
    }
}
