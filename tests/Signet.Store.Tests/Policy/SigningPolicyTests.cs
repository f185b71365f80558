using Signet.Dkim;
using Signet.Dkim.Alignment;
using Signet.Store.Model;
using Signet.Store.Policy;
using Signet.Testing;

namespace Signet.Store.Tests.Policy;

public sealed class SigningPolicyTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SigningKey Key(string domain) => new(Guid.NewGuid(), domain, "s1", DkimAlgorithm.Ed25519Sha256);

    private static SigningSnapshot Snapshot(bool serverSigning = true) => new(
        7,
        new Dictionary<string, DomainEntry>(StringComparer.OrdinalIgnoreCase)
        {
            ["example.com"] = new("example.com", true, SubdomainSigning.UseParentKeys, Created),
            ["strict.example"] = new("strict.example", true, SubdomainSigning.RequireOwnKeys, Created),
            ["off.example"] = new("off.example", false, SubdomainSigning.UseParentKeys, Created),
            ["nokeys.example"] = new("nokeys.example", true, SubdomainSigning.UseParentKeys, Created),
        },
        new Dictionary<string, IReadOnlyList<SigningKey>>(StringComparer.OrdinalIgnoreCase)
        {
            ["example.com"] = [Key("example.com")],
            ["strict.example"] = [Key("strict.example")],
        },
        new ServerSettings("mail.host.example", serverSigning),
        serverSigning ? [Key("mail.host.example")] : [],
        new Dictionary<string, SubmissionUser>(),
        new Dictionary<Guid, Signet.Dkim.Keys.DkimPrivateKey>());

    private static FromDomainResult One(string domain) => new(FromDomainStatus.One, [domain], ["a@" + domain], "one From domain");

    [Theory]
    [InlineData("example.com", true, SigningRule.DomainKeys, "example.com", true)]
    [InlineData("EXAMPLE.com", true, SigningRule.DomainKeys, "example.com", true)]
    [InlineData("news.mail.example.com", true, SigningRule.ParentDomainKeys, "example.com", true)]
    [InlineData("sub.strict.example", true, SigningRule.ServerKey, "mail.host.example", false)]
    [InlineData("other.example", true, SigningRule.ServerKey, "mail.host.example", false)]
    [InlineData("other.example", false, SigningRule.NotOurDomain, null, false)]
    [InlineData("off.example", true, SigningRule.DomainSigningDisabled, null, false)]
    [InlineData("sub.off.example", true, SigningRule.DomainSigningDisabled, null, false)]
    [InlineData("nokeys.example", true, SigningRule.NoActiveKey, "mail.host.example", false)]
    [InlineData("nokeys.example", false, SigningRule.NoActiveKey, null, false)]
    public void Decide_OneFromDomain_FollowsTheRule(string from, bool serverSigning, SigningRule rule, string? signingDomain, bool aligned)
    {
        var decision = SigningPolicy.Decide(Snapshot(serverSigning), One(from));
        Assert.Equal((rule, signingDomain, aligned, signingDomain is not null), (decision.Rule, decision.SigningDomain, decision.Aligned, decision.Signs));
        Assert.All(decision.Keys, k => Assert.Equal(signingDomain, k.Domain));
    }

    // A single-label host name is no domain: the server-wide key does not sign with it, and says how to fix it.
    [Fact]
    public void Decide_ServerKeyWithSingleLabelHostName_DoesNotSignAndSaysHowToSetIt()
    {
        var snapshot = Snapshot() with { Server = new ServerSettings("vm", true) };

        var decision = SigningPolicy.Decide(snapshot, One("other.example"));

        Assert.False(decision.Signs);
        Assert.Contains("the host name \"vm\" is a single label", decision.Explanation, StringComparison.Ordinal);
        Assert.Contains("--hostname", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ServerKey_SaysPlainlyItIsNotAligned()
    {
        var decision = SigningPolicy.Decide(Snapshot(), One("other.example"));
        Assert.Contains("NOT aligned", decision.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "mail.host.example")]
    [InlineData(false, null)]
    public void Decide_SeveralFromDomains_UsesTheServerKeyOnlyWhenOn(bool serverSigning, string? signingDomain)
    {
        var from = new FromDomainResult(FromDomainStatus.Several, ["example.com", "other.example"], [], "two From domains");
        var decision = SigningPolicy.Decide(Snapshot(serverSigning), from);
        Assert.Equal((SigningRule.SeveralFromDomains, signingDomain, false), (decision.Rule, decision.SigningDomain, decision.Aligned));
    }

    [Theory]
    [InlineData(FromDomainStatus.None)]
    [InlineData(FromDomainStatus.Unparseable)]
    public void Decide_NoFromDomain_DoesNotSign(FromDomainStatus status)
    {
        var decision = SigningPolicy.Decide(Snapshot(), new FromDomainResult(status, [], [], "no From"));
        Assert.Equal((SigningRule.NoFromDomain, false), (decision.Rule, decision.Signs));
    }
}
