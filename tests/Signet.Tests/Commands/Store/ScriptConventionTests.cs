using System.Text.Json;
using Signet.Cli;

namespace Signet.Tests.Commands.Store;

/// <summary>What scripts rely on: every listing takes --json and writes the documented camelCase fields; changes that
/// are already in effect succeed unless --strict; --quiet prints nothing on success and everything on failure.</summary>
public sealed class ScriptConventionTests : IDisposable
{
    private readonly StoreCli _cli = new();

    /// <summary>Each listing, the arguments it needs, and the fields docs/cli.md documents for it.</summary>
    public static TheoryData<string, string[], string[]> Listings => new()
    {
        { "domain list", [], ["name", "signingEnabled", "subdomains", "createdAt", "signing", "signingStatus"] },
        { "key list", ["--domain", "example.com"], ["id", "scope", "domain", "selector", "recordName", "algorithm", "bits", "state", "publicKey", "createdAt", "activatedAt", "retiredAt", "revokedAt", "origin", "activationForced", "rotationId", "lastDnsCheck"] },
        { "key rotations", ["--domain", "example.com"], ["id", "oldKeyId", "newKeyId", "step", "startedAt", "switchedAt", "revokeOldAfterDays", "explanation"] },
        { "user list", [], ["id", "name", "role", "domains", "createdAt"] },
        { "token list", [], ["id", "userId", "userName", "prefix", "description", "createdAt", "lastUsedAt", "expiresAt"] },
        { "audit list", [], ["id", "at", "actor", "action", "target", "detail", "count", "address"] },
        { "server show", [], ["hostName", "serverSigningEnabled", "alignment"] },
        { "publisher list", [], ["name", "kind", "primary", "zone", "keyName", "createdAt"] },
        { "rotation status", ["--domain", "example.com"], ["domain", "publisher", "interval", "keyKinds", "selectorScheme", "overlap", "revokedRecordLifetime", "paused", "step", "stepAt", "nextRotationAt", "runNowRequested", "attempts", "nextAttemptAt", "lastFailure"] },
    };

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task Listing_WithJson_WritesTheDocumentedFields(string listing, string[] arguments, string[] fields)
    {
        await SeedAsync();
        string output = await _cli.Ok([.. listing.Split(' '), .. arguments, "--json"]);

        using var document = JsonDocument.Parse(output);
        var item = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().First() : document.RootElement;
        Assert.Equal(fields.Order(StringComparer.Ordinal), item.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains($"`{string.Join("`, `", fields)}`", await File.ReadAllTextAsync(Path.Combine(Signet.Testing.RepositoryPaths.Root, "docs", "cli.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryListing_TakesJson_AndHasItsContractRow()
    {
        var listings = SignetCommandLine.Commands.SelectMany(c => c.Actions.Where(a => a.Flags.Contains("json")).Select(a => $"{c.Name} {a.Name}".Trim())).ToList();
        var covered = Listings.Select(row => (string)row[0]).ToList();
        Assert.Equal(covered.Order(StringComparer.Ordinal), listings.Where(l => l != "verify").Order(StringComparer.Ordinal));
        foreach (string listing in new[] { "domain list", "key list", "key rotations", "user list", "token list", "audit list", "server show" })
        {
            Assert.Contains(listing, listings);
        }
    }

    [Fact]
    public async Task Json_GivenAValue_IsAnUnknownOption()
    {
        var run = await _cli.Run("domain", "list", "--json=yes");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown option --json", run.Error);
    }

    [Fact]
    public async Task DomainAdd_Twice_SucceedsSayingSo_UnlessStrict()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");

        var again = await _cli.Run("domain", "add", "--domain", "EXAMPLE.com");
        var strict = await _cli.Run("domain", "add", "--domain", "example.com", "--strict");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal("example.com is already protected\n", again.OutputText);
        Assert.Equal(1, strict.ExitCode);
        Assert.Empty(strict.OutputText);
        Assert.Contains("example.com is already protected", strict.Error);
        Assert.Single((await _cli.Ok("domain", "list")).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("domain remove --domain absent.example", "absent.example is not protected: nothing to remove")]
    [InlineData("user remove --name nobody", "there is no user nobody: nothing to remove")]
    [InlineData("token revoke --id 3f2c0c8e-0000-4000-8000-000000000001", "there is no token 3f2c0c8e-0000-4000-8000-000000000001")]
    public async Task RemovingSomethingAbsent_SucceedsSayingSo_UnlessStrict(string command, string said)
    {
        var run = await _cli.Run(command.Split(' '));
        var strict = await _cli.Run([.. command.Split(' '), "--strict"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(said, run.OutputText);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(said, strict.Error);
    }

    [Fact]
    public async Task DomainRemove_Twice_RemovesOnceThenSaysNothingToRemove()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        Assert.Contains("removed example.com", await _cli.Ok("domain", "remove", "--domain", "example.com"));
        Assert.Contains("nothing to remove", await _cli.Ok("domain", "remove", "--domain", "example.com"));
    }

    [Theory]
    [InlineData("domain add --domain bad..name")]
    [InlineData("domain remove --domain bad..name")]
    [InlineData("domain add --domain -")]
    public async Task Idempotence_DoesNotHideAnUnusableName(string command)
    {
        var run = await _cli.Run(command.Split(' '));
        Assert.Equal(2, run.ExitCode);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task Quiet_PrintsNothingOnSuccess_EvenTheWarnings()
    {
        var added = await _cli.Run("domain", "add", "--domain", "example.com", "--quiet");
        await _cli.Ok("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519");
        var forced = await _cli.Run("key", "activate", "--domain", "example.com", "--selector", "s1", "--force", "--quiet");

        Assert.Equal((0, "", ""), (added.ExitCode, added.OutputText, added.Error));
        Assert.Equal((0, "", ""), (forced.ExitCode, forced.OutputText, forced.Error));
        Assert.Contains("active", await _cli.Ok("key", "list", "--domain", "example.com"));
    }

    [Fact]
    public async Task Quiet_OnFailure_StillSaysWhy()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        await _cli.Ok("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519");

        var duplicate = await _cli.Run("key", "generate", "--domain", "example.com", "--selector", "s1", "--quiet");
        var strict = await _cli.Run("domain", "add", "--domain", "example.com", "--quiet", "--strict");

        Assert.Equal(1, duplicate.ExitCode);
        Assert.Empty(duplicate.OutputText);
        Assert.Contains("s1", duplicate.Error);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("already protected", strict.Error);
    }

    [Fact]
    public void EveryStoreAction_TakesQuiet()
    {
        var storeActions = SignetCommandLine.Commands.OfType<Signet.Commands.Store.StoreCommand>().SelectMany(c => c.Actions.Select(a => (c.Name, a))).ToList();
        Assert.NotEmpty(storeActions);
        Assert.All(storeActions, pair => Assert.True(pair.a.Flags.Contains("quiet"), $"signet {pair.Name} {pair.a.Name} does not take --quiet"));
    }

    private async Task SeedAsync()
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        await _cli.Ok("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519");
        await _cli.Ok("key", "activate", "--domain", "example.com", "--selector", "s1", "--force");
        await _cli.Ok("key", "rotate", "--domain", "example.com", "--selector", "s1", "--new-selector", "s2");
        await _cli.RunWithInput("a long enough password\n", "user", "add", "--name", "dana", "--domain", "example.com");
        await _cli.Ok("token", "create", "--user", "dana", "--description", "automation");
        var publisher = await _cli.RunWithInput("c2lnbmV0IHRlc3QgdHNpZyBzZWNyZXQgb2YgMzIgYnl0ZXM=\n",
            "publisher", "add", "--name", "knot", "--primary", "127.0.0.1:53", "--zone", "example.com", "--key-name", "signet-update");
        Assert.True(publisher.ExitCode == 0, publisher.Error);
    }

    public void Dispose() => _cli.Dispose();
}
