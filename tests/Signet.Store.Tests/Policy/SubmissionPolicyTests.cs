using Signet.Dkim;
using Signet.Dkim.Alignment;
using Signet.Dkim.Keys;
using Signet.Store.Model;
using Signet.Store.Policy;

namespace Signet.Store.Tests.Policy;

/// <summary>Who may have which From signed: a domain admin only their own domains (and the subdomains signed with
/// their keys, the nearest protected domain deciding), a server admin any, unknown or unauthenticated senders by the
/// signing policy alone.</summary>
public sealed class SubmissionPolicyTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SigningSnapshot Snapshot() => new(
        3,
        new Dictionary<string, DomainEntry>(StringComparer.OrdinalIgnoreCase)
        {
            ["alpha.test"] = new("alpha.test", true, SubdomainSigning.UseParentKeys, Created),
            ["beta.test"] = new("beta.test", true, SubdomainSigning.UseParentKeys, Created),
            ["strict.test"] = new("strict.test", true, SubdomainSigning.RequireOwnKeys, Created),
            ["shop.alpha.test"] = new("shop.alpha.test", true, SubdomainSigning.UseParentKeys, Created),
        },
        new Dictionary<string, IReadOnlyList<SigningKey>>(StringComparer.OrdinalIgnoreCase)
        {
            ["alpha.test"] = [new(Guid.NewGuid(), "alpha.test", "s1", DkimAlgorithm.Ed25519Sha256)],
            ["beta.test"] = [new(Guid.NewGuid(), "beta.test", "s1", DkimAlgorithm.Ed25519Sha256)],
        },
        new ServerSettings("mx.host.test", true),
        [new(Guid.NewGuid(), "mx.host.test", "s1", DkimAlgorithm.Ed25519Sha256)],
        new Dictionary<string, SubmissionUser>
        {
            ["alice"] = User("alice", UserRole.DomainAdmin, "alpha.test", "strict.test"),
            ["bob"] = User("bob", UserRole.DomainAdmin, "beta.test", "shop.alpha.test"),
            ["root"] = User("root", UserRole.ServerAdmin),
            ["nobody"] = User("nobody", UserRole.DomainAdmin),
        },
        new Dictionary<Guid, DkimPrivateKey>());

    private static SubmissionUser User(string name, UserRole role, params string[] domains) =>
        new(name, role, new HashSet<string>(domains, StringComparer.OrdinalIgnoreCase));

    private static FromDomainResult From(params string[] domains) => new(
        domains.Length switch { 0 => FromDomainStatus.None, 1 => FromDomainStatus.One, _ => FromDomainStatus.Several },
        domains, domains.Select(d => "a@" + d).ToList(), "test From");

    [Theory]
    [InlineData("alice", "alpha.test", SubmissionRule.OwnDomain)]
    [InlineData("alice", "ALPHA.test.", SubmissionRule.OwnDomain)]
    [InlineData("alice", "news.alpha.test", SubmissionRule.OwnDomain)]
    [InlineData("alice", "beta.test", SubmissionRule.NotTheirDomain)]
    [InlineData("alice", "shop.alpha.test", SubmissionRule.NotTheirDomain)]
    [InlineData("alice", "x.shop.alpha.test", SubmissionRule.NotTheirDomain)]
    [InlineData("alice", "sub.strict.test", SubmissionRule.NotTheirDomain)]
    [InlineData("alice", "unknown.example", SubmissionRule.NotTheirDomain)]
    [InlineData("alice", "alpha.test.evil.example", SubmissionRule.NotTheirDomain)]
    [InlineData("alice", "evilalpha.test", SubmissionRule.NotTheirDomain)]
    [InlineData("bob", "shop.alpha.test", SubmissionRule.OwnDomain)]
    [InlineData("nobody", "alpha.test", SubmissionRule.NotTheirDomain)]
    [InlineData("root", "beta.test", SubmissionRule.ServerAdmin)]
    [InlineData("root", "unknown.example", SubmissionRule.ServerAdmin)]
    [InlineData("dovecot-user", "beta.test", SubmissionRule.UnknownUser)]
    [InlineData("ALICE", "beta.test", SubmissionRule.UnknownUser)]
    [InlineData(null, "beta.test", SubmissionRule.NotAuthenticated)]
    [InlineData("", "beta.test", SubmissionRule.NotAuthenticated)]
    public void Decide_OneFromDomain_FollowsTheRule(string? user, string from, SubmissionRule rule)
    {
        var decision = SubmissionPolicy.Decide(Snapshot(), user, From(from));

        Assert.Equal(rule, decision.Rule);
        Assert.Equal(rule is not (SubmissionRule.NotTheirDomain or SubmissionRule.NoFromDomain), decision.Allowed);
    }

    [Fact]
    public void Decide_DomainAdminSendingForAnotherDomain_SaysWhichDomainAndWhose()
    {
        var decision = SubmissionPolicy.Decide(Snapshot(), "alice", From("beta.test"));

        Assert.False(decision.Allowed);
        Assert.Contains("beta.test is not one of them", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("alice may send only for their own domains (alpha.test, strict.test)", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "alpha.test", "news.alpha.test")]
    [InlineData(false, "alpha.test", "beta.test")]
    [InlineData(false, "beta.test", "alpha.test")]
    public void Decide_SeveralFromDomains_AllMustBeTheirs(bool allowed, string first, string second)
    {
        var decision = SubmissionPolicy.Decide(Snapshot(), "alice", From(first, second));

        Assert.Equal(allowed, decision.Allowed);
    }

    [Fact]
    public void Decide_NoFromDomain_IsRefusedForADomainAdmin()
    {
        var decision = SubmissionPolicy.Decide(Snapshot(), "alice", From());

        Assert.Equal(SubmissionRule.NoFromDomain, decision.Rule);
        Assert.False(decision.Allowed);
    }
}
