using Signet.Admin.Tests.Support;

namespace Signet.Admin.Tests.Api;

/// <summary>Claims about the table itself, so a row added later cannot quietly weaken it.</summary>
public sealed class RoleTableShapeTests
{
    [Fact]
    public void EveryEndpoint_WithoutToken_Is401()
    {
        Assert.All(RoleTable.Cases, c => Assert.Equal(401, c.Anonymous));
    }

    [Fact]
    public void EveryRequestAboutADomain_ByTheAdminOfAnother_Is403Or404()
    {
        Assert.All(RoleTable.Cases.Where(c => c.AboutADomain), c => Assert.Contains(c.OtherDomainAdmin, new[] { 403, 404 }));
    }

    [Fact]
    public void EveryRequestAboutTheServerOrUsers_ByADomainAdmin_Is403()
    {
        var serverWide = RoleTable.Cases.Where(c => c.AboutADomain && !c.Path.StartsWith("/api/domains/", StringComparison.Ordinal) && c.Path != "/api/policy/explain");
        Assert.All(serverWide, c => Assert.Equal((403, 403), (c.OwnDomainAdmin, c.OtherDomainAdmin)));
    }
}
