using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Signet.Dkim.Alignment;
using Signet.Dkim.Lookup;
using Signet.Mail.Policy;
using Signet.Mail.Processing;
using Signet.Relay;
using Signet.Serve;

namespace Signet.Tests.Serve;

/// <summary><c>signet serve</c> builds each shared service once: one key lookup with one cache and one
/// organizational-domain resolver, used by the milter, the relay and the console alike, so a key fetched for one front
/// end is in the cache for the others; and one DKIM step (one verifier, so one parsed-key cache, and one set of mail
/// settings) that the milter and the relay both feed.</summary>
public sealed class ServeSharedServicesTests
{
    private static readonly Dictionary<string, string?> MilterAndRelay = new()
    {
        ["Mail:AuthservId"] = "mx.example.com",
        ["Relay:Listen"] = "127.0.0.1:10025",
        ["Relay:NextHop"] = "127.0.0.1:10026",
    };

    [Fact]
    public void Serve_WithMilterRelayAndConsole_RegistersOneKeyLookupAndOneOrganizationalDomainResolver()
    {
        var services = new ServiceCollection();

        services.AddSignetServe(new ConfigurationBuilder().AddInMemoryCollection(MilterAndRelay).Build());

        Assert.Single(services, d => d.ServiceType == typeof(ITxtRecordSource));
        Assert.Single(services, d => d.ServiceType == typeof(IOrganizationalDomainResolver));
        Assert.Single(services, d => d.ServiceType == typeof(DkimMessageProcessor));
        var milter = typeof(MilterService).GetConstructors().Single().GetParameters().Select(p => p.ParameterType).ToList();
        Assert.Contains(typeof(DkimMessageProcessor), milter);
    }

    [Fact]
    public async Task Serve_WithMilterAndRelay_BothFeedOneProcessorWithOneVerifierOnTheOneKeyLookup()
    {
        var services = new ServiceCollection().AddLogging();
        // The store-backed policy and authenticator need an opened store; the DKIM step only needs them to hold.
        services.AddSingleton<IRelayUserAuthenticator>(new NoUsers());
        services.AddSignetServe(new ConfigurationBuilder().AddInMemoryCollection(MilterAndRelay).Build());
        services.AddSingleton<IMailSigningPolicy>(new NoSigningPolicy());
        await using var provider = services.BuildServiceProvider();

        var milter = provider.GetRequiredService<MilterService>();
        var relay = provider.GetRequiredService<RelayServer>();

        Assert.Same(milter.Processor, relay.Processor);
        Assert.Same(milter.Processor.Verifier, relay.Processor.Verifier);
        Assert.Same(provider.GetRequiredService<ITxtRecordSource>(), milter.Processor.Verifier.KeySource);
        Assert.Equal("mx.example.com", relay.Processor.Options.AuthservId);
    }

    private sealed class NoUsers : IRelayUserAuthenticator
    {
        public ValueTask<RelayAuthenticationResult> AuthenticateAsync(string userName, string password, System.Net.IPAddress client, CancellationToken cancellationToken) =>
            ValueTask.FromResult(RelayAuthenticationResult.Failed);
    }

    private sealed class NoSigningPolicy : IMailSigningPolicy
    {
        public ValueTask<MailSigningDecision> DecideAsync(MailSigningContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(MailSigningDecision.NoSignature("test"));
    }
}
