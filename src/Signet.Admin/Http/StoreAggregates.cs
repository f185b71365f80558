using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Signet.Store;

namespace Signet.Admin.Http;

/// <summary>Hands out each aggregate of the store as the one <see cref="ISignetStore"/> the host registered, so an
/// endpoint or a page asks for the part it uses (<see cref="IDomainStore"/>, <see cref="IKeyStore"/>…) and what it
/// can touch shows in its signature; and adds <see cref="StoreOutage"/>, the one answer to a store that cannot answer.
/// Both the API and the console call this; registering twice changes nothing.</summary>
internal static class StoreAggregates
{
    public static IServiceCollection AddStoreAggregates(this IServiceCollection services)
    {
        services.TryAddSingleton<IDomainStore>(Composite);
        services.TryAddSingleton<IKeyStore>(Composite);
        services.TryAddSingleton<IPublisherStore>(Composite);
        services.TryAddSingleton<IServerSettingsStore>(Composite);
        services.TryAddSingleton<IUserStore>(Composite);
        services.TryAddSingleton<ITokenStore>(Composite);
        services.TryAddSingleton<IAuditStore>(Composite);
        services.TryAddSingleton<ISigningSnapshotSource>(Composite);
        return StoreOutage.AddStoreOutageAnswer(services);
    }

    private static ISignetStore Composite(IServiceProvider services) => services.GetRequiredService<ISignetStore>();
}
