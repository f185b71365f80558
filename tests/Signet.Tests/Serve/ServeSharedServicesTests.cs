using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Serve;

namespace Signet.Tests.Serve;

/// <summary><c>signet serve</c> builds each shared service once: one key lookup with one cache and one
/// organizational-domain resolver, used by the milter, the relay and the console alike, so a key fetched for one front
/// end is in the cache for the others.</summary>
public sealed class ServeSharedServicesTests
{
    [Fact]
    public void Serve_WithMilterRelayAndConsole_RegistersOneKeyLookupAndOneOrganizationalDomainResolver()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Relay:Listen"] = "127.0.0.1:10025",
            ["Relay:NextHop"] = "127.0.0.1:10026",
        }).Build();
        var services = new ServiceCollection();

        services.AddSignetServe(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(ITxtRecordSource));
        Assert.Single(services, d => d.ServiceType == typeof(IOrganizationalDomainResolver));
        var milter = typeof(MilterService).GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToList();
        Assert.Contains(typeof(ITxtRecordSource), milter);
        Assert.Contains(typeof(IOrganizationalDomainResolver), milter);
    }
}
