using System.Reflection;

namespace Signet.Architecture.Tests;

/// <summary>The quick tier (<c>scripts/test.sh --quick</c>, <c>--filter "Tier!=Integration"</c>) must hold no test
/// that starts an outside server: every test class that does carries <c>[Trait("Tier", "Integration")]</c>, on the
/// class or on its assembly.</summary>
public sealed class TierTraitTests
{
    private static readonly OutsideServerUse Use = new();

    [Fact]
    public void EveryTestClassThatStartsAnOutsideServer_CarriesTheIntegrationTrait()
    {
        var missing = TestAssemblies.All
            .Where(assembly => !HasIntegrationTrait(assembly.CustomAttributes, "Xunit.AssemblyTraitAttribute"))
            .SelectMany(TestAssemblies.TypesOf)
            .Where(OutsideServerUse.IsTestClass)
            .Where(type => !HasIntegrationTrait(type.CustomAttributes, "Xunit.TraitAttribute"))
            .Select(type => (type, server: Use.Of(type)))
            .Where(found => found.server is not null)
            .Select(found => $"{found.type.FullName} starts {found.server}: add [Trait(\"Tier\", \"Integration\")]")
            .ToList();

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Theory]
    [InlineData("Signet.Tests.Serve.ServeOutboundTests")] // through its collection fixture (Postfix, nsd, signet serve)
    [InlineData("Signet.Dns.Tests.DnsTxtRecordSourceTests")] // through its class fixture (nsd)
    [InlineData("Signet.Reliability.Tests.Faults.DnsOutageTests")] // from its own test bodies (nsd)
    [InlineData("Signet.Console.Tests.Browser.FirstRunTests")] // through the browser fixture (Chromium)
    public void TheRuleSeesServers_ThroughFixturesAndTestBodies(string testClass)
    {
        var type = TestAssemblies.All.Select(a => a.GetType(testClass)).OfType<Type>().Single();
        Assert.NotNull(Use.Of(type));
    }

    [Theory]
    [InlineData("Signet.Store.Tests.Contract.SqliteStoreTests")] // its PostgreSQL fixture starts only on first use
    [InlineData("Signet.Dkim.Tests.Verification.SignVerifyRoundTripTests")]
    public void TheRuleLeavesInProcessTestsQuick(string testClass)
    {
        var type = TestAssemblies.All.Select(a => a.GetType(testClass)).OfType<Type>().Single();
        Assert.Null(Use.Of(type));
    }

    [Fact]
    public void EveryTestProject_IsInspected()
    {
        Assert.NotEmpty(TestAssemblies.All);
        var csproj = System.Xml.Linq.XDocument.Load(Path.Combine(Signet.Testing.RepositoryPaths.Root, "tests", TestAssemblies.OwnProject, TestAssemblies.OwnProject + ".csproj"));
        var builtFirst = csproj.Descendants("ProjectReference").Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))).ToHashSet();
        Assert.All(TestAssemblies.ProjectNames, name => Assert.True(builtFirst.Contains(name), $"{TestAssemblies.OwnProject}.csproj must reference {name} (ReferenceOutputAssembly=\"false\") so it is built first"));
    }

    private static bool HasIntegrationTrait(IEnumerable<CustomAttributeData> attributes, string attributeName) => attributes.Any(a =>
        a.AttributeType.FullName == attributeName && a.ConstructorArguments is [{ Value: "Tier" }, { Value: "Integration" }]);
}
