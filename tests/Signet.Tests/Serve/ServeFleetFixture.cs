namespace Signet.Tests.Serve;

/// <summary>The fleet the <see cref="ServeFleetTests"/> share: example.com (the load) and example.org (the domain turned
/// off), two nodes. Each test uses its own domain and finds its mail by Subject, so none depends on another.</summary>
public sealed class ServeFleetFixture : IAsyncLifetime
{
    public const string LoadDomain = "example.com";

    public const string SwitchedDomain = "example.org";

    internal ServeFleet Fleet { get; private set; } = null!;

    public async Task InitializeAsync() => Fleet = await ServeFleet.StartAsync([LoadDomain, SwitchedDomain], nodes: 2);

    public async Task DisposeAsync()
    {
        if (Fleet is not null)
        {
            await Fleet.DisposeAsync();
        }
    }
}
