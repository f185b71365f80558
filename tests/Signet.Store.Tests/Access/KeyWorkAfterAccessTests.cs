using Signet.Dkim;
using Signet.Dkim.Keys;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Tests.Support;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Access;

/// <summary>A caller who may not manage a domain's keys is refused before the store spends anything on the request:
/// no key is generated (an RSA 4096 key costs seconds of CPU) and no key text is parsed.</summary>
public sealed class KeyWorkAfterAccessTests : IAsyncLifetime
{
    private const string Mine = "mine.example";
    private static readonly Actor Olga = new(Guid.NewGuid(), "olga", UserRole.DomainAdmin, new HashSet<string> { "theirs.example" });
    private StoreHarness _harness = null!;
    private int _generated;

    public async Task InitializeAsync()
    {
        _harness = await StoreHarness.OpenAsync(new StoreOptions
        {
            DataDirectory = Path.Combine(Directory.CreateTempSubdirectory("signet-store-").FullName, "data"),
        });
        Ok(await _harness.Store.AddDomainAsync(Admin, Mine, Token));
        _harness.Store.KeyGenerator = (type, bits) =>
        {
            Interlocked.Increment(ref _generated);
            return DkimKeyGenerator.Generate(type, bits);
        };
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GenerateKey_ForADomainTheCallerCannotManage_MakesNoKey()
    {
        var error = Fails(await _harness.Store.GenerateKeyAsync(Olga, KeyOwner.ForDomain(Mine), new KeyGenerationRequest("s9", DkimKeyType.Rsa, 4096), Token),
            StoreErrorKind.NotFound);
        Assert.Contains("no domain", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _generated);
    }

    [Fact]
    public async Task GenerateKey_ServerWideAsADomainAdmin_MakesNoKey()
    {
        Fails(await _harness.Store.GenerateKeyAsync(Olga, KeyOwner.Server, new KeyGenerationRequest("s9", DkimKeyType.Rsa, 4096), Token),
            StoreErrorKind.Forbidden);
        Assert.Equal(0, _generated);
    }

    [Fact]
    public async Task GenerateKey_InvalidSizeForAnotherDomain_IsNotFoundRatherThanInvalid()
    {
        Fails(await _harness.Store.GenerateKeyAsync(Olga, KeyOwner.ForDomain(Mine), new KeyGenerationRequest("s9", DkimKeyType.Rsa, 999), Token),
            StoreErrorKind.NotFound);
    }

    [Fact]
    public async Task ImportKey_ForADomainTheCallerCannotManage_IsRefusedBeforeTheKeyIsRead()
    {
        // Not a key at all: a refusal about its content would mean it was parsed before access was checked.
        Fails(await _harness.Store.ImportKeyAsync(Olga, KeyOwner.ForDomain(Mine), "s9", "not a key"u8.ToArray(), Token), StoreErrorKind.NotFound);
    }

    [Fact]
    public async Task GenerateKey_ByTheDomainsAdmin_StillMakesTheKey()
    {
        var dana = new Actor(Guid.NewGuid(), "dana", UserRole.DomainAdmin, new HashSet<string> { Mine });
        Ok(await _harness.Store.GenerateKeyAsync(dana, KeyOwner.ForDomain(Mine), new KeyGenerationRequest("s9", DkimKeyType.Ed25519), Token));
        Assert.Equal(1, _generated);
    }
}
