using System.Diagnostics;
using Signet.Dkim;
using Signet.Dkim.Keys;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Store.Persistence;
using Signet.Store.Tests.Support;
using static Signet.Store.Tests.Support.StoreHarness;

namespace Signet.Store.Tests.Contract;

/// <summary>What every backend must do, written once; <see cref="SqliteStoreTests"/> and <see cref="PostgresStoreTests"/> run it.</summary>
public abstract partial class StoreContractTests
{
    private readonly PostgresFixture _postgres;

    protected StoreContractTests(PostgresFixture postgres) => _postgres = postgres;

    protected abstract Backend Backend { get; }

    protected Task<StoreHarness> OpenAsync() => StoreHarness.OpenAsync(Backend, _postgres);

    [Fact]
    public async Task Domains_AddUpdateListRemove_RoundTrip()
    {
        await using var h = await OpenAsync();
        var added = Ok(await h.Store.AddDomainAsync(Admin, "Example.COM.", Token));
        Assert.Equal("example.com", added.Name);
        Assert.True(added.SigningEnabled);
        Fails(await h.Store.AddDomainAsync(Admin, "example.com", Token), StoreErrorKind.Conflict);
        Fails(await h.Store.AddDomainAsync(Admin, "not a domain", Token), StoreErrorKind.Invalid);
        var updated = Ok(await h.Store.UpdateDomainAsync(Admin, "example.com", false, SubdomainSigning.RequireOwnKeys, Token));
        Assert.Equal(new DomainEntry("example.com", false, SubdomainSigning.RequireOwnKeys, added.CreatedAt), updated);
        Assert.Equal(["example.com"], Ok(await h.Store.ListDomainsAsync(Admin, Token)).Select(d => d.Name));
        Assert.True(Ok(await h.Store.RemoveDomainAsync(Admin, "example.com", Token)));
        Fails(await h.Store.GetDomainAsync(Admin, "example.com", Token), StoreErrorKind.NotFound);
    }

    [Fact]
    public async Task ListDomainsWithKeys_SameAsListingEachDomainsKeys_AndOnlyTheActorsDomains()
    {
        await using var h = await OpenAsync();
        var first = await h.AddDomainWithKeyAsync("a.example");
        var second = await h.AddDomainWithKeyAsync("a.example", "s2");
        Ok(await h.Store.DeleteKeyAsync(Admin, first.Id, Token));
        await h.AddDomainWithKeyAsync("b.example");
        Ok(await h.Store.AddDomainAsync(Admin, "c.example", Token));
        Ok(await h.Store.GenerateKeyAsync(Admin, KeyOwner.Server, new KeyGenerationRequest("server", DkimKeyType.Ed25519), Token));
        var dana = new Actor(Guid.NewGuid(), "dana", UserRole.DomainAdmin, new HashSet<string>(["a.example", "c.example"], StringComparer.OrdinalIgnoreCase));

        var all = Ok(await h.Store.ListDomainsWithKeysAsync(Admin, Token));
        var hers = Ok(await h.Store.ListDomainsWithKeysAsync(dana, Token));

        Assert.Equal(["a.example", "b.example", "c.example"], all.Select(d => d.Domain.Name));
        foreach (var domain in all)
        {
            var each = Ok(await h.Store.ListKeysAsync(Admin, KeyOwner.ForDomain(domain.Domain.Name), Token));
            Assert.Equal(each.Select(k => k.Id), domain.Keys.Select(k => k.Id));
        }

        Assert.Equal([second.Id], all[0].Keys.Select(k => k.Id));
        Assert.Empty(all[2].Keys);
        Assert.Equal(["a.example", "c.example"], hers.Select(d => d.Domain.Name));
        Assert.Equal("not signing: no active key — publish s2, then activate", hers[0].Status.Words);
    }

    [Theory]
    [InlineData(DkimKeyType.Rsa, DkimAlgorithm.RsaSha256, 2048)]
    [InlineData(DkimKeyType.Ed25519, DkimAlgorithm.Ed25519Sha256, 256)]
    public async Task GenerateKey_StartsPendingWithTheRecordToPublish(DkimKeyType type, DkimAlgorithm algorithm, int bits)
    {
        await using var h = await OpenAsync();
        var key = await h.AddDomainWithKeyAsync("example.com", "s1", type);
        Assert.Equal((KeyState.Pending, algorithm, bits, "s1._domainkey.example.com"), (key.State, key.Algorithm, key.Bits, key.RecordName));
        Assert.StartsWith("v=DKIM1; k=" + (type == DkimKeyType.Rsa ? "rsa" : "ed25519") + "; p=", KeyRecords.ValueFor(key));
        Fails(await h.Store.GenerateKeyAsync(Admin, KeyOwner.ForDomain("example.com"), new("s1"), Token), StoreErrorKind.Conflict);
        Fails(await h.Store.GenerateKeyAsync(Admin, KeyOwner.ForDomain("missing.example"), new("s1"), Token), StoreErrorKind.NotFound);
    }

    [Theory]
    [Trait("Tier", "Integration")] // runs opendkim-genkey and dknewkey; the rest of the contract needs no outside program
    [InlineData("/usr/sbin/opendkim-genkey", "opendkim-tools", "PKCS")]
    [InlineData("/usr/bin/dknewkey", "python3-dkim", "Ed25519 seed")]
    public async Task ImportKey_ToolOutput_IsImportedWithItsPublicKey(string tool, string package, string format)
    {
        Assert.True(File.Exists(tool), $"{tool} is missing: apt-get install {package}");
        string directory = Directory.CreateTempSubdirectory("signet-tool-").FullName;
        string keyFile = tool.EndsWith("dknewkey", StringComparison.Ordinal)
            ? Run(tool, directory, ["--ktype", "ed25519", "k1"], "k1.key")
            : Run(tool, directory, ["-D", directory, "-d", "example.com", "-s", "k1"], "k1.private");
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        byte[] content = await File.ReadAllBytesAsync(keyFile);
        var key = Ok(await h.Store.ImportKeyAsync(Admin, KeyOwner.ForDomain("example.com"), "k1", content, Token));
        Assert.True(DkimPrivateKeyReader.TryRead(content, out var original, out _));
        Assert.Equal(original.PublicKey.ExportRecordData(), key.PublicKeyData);
        Assert.Contains(format, key.Origin, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task ImportKey_WeakOrGarbage_IsInvalidWithTheReason()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        using var weak = System.Security.Cryptography.RSA.Create(512);
        var error = Fails(await h.Store.ImportKeyAsync(Admin, KeyOwner.ForDomain("example.com"), "weak",
            System.Text.Encoding.ASCII.GetBytes(weak.ExportPkcs8PrivateKeyPem()), Token), StoreErrorKind.Invalid);
        Assert.Contains("1024", error.Message, StringComparison.Ordinal);
        Fails(await h.Store.ImportKeyAsync(Admin, KeyOwner.ForDomain("example.com"), "bad", "v=DKIM1; p=abc"u8.ToArray(), Token), StoreErrorKind.Invalid);
    }

    [Fact]
    public async Task Activate_WithoutRecord_IsRefusedWithTheReason_ThenForceActivates()
    {
        await using var h = await OpenAsync();
        var key = await h.AddDomainWithKeyAsync("example.com");
        var error = Fails(await h.Store.ActivateKeyAsync(Admin, key.Id, false, Token), StoreErrorKind.Conflict);
        Assert.Contains("no TXT record", error.Message, StringComparison.Ordinal);
        Assert.False(Ok(await h.Store.GetKeyAsync(Admin, key.Id, Token)).LastDnsCheck!.Published);
        Assert.Empty((await h.Store.GetSigningSnapshotAsync(Token)).DomainKeys);
        var forced = Ok(await h.Store.ActivateKeyAsync(Admin, key.Id, true, Token));
        Assert.Equal((KeyState.Active, true), (forced.State, forced.ActivationForced));
        Assert.Single((await h.Store.GetSigningSnapshotAsync(Token)).DomainKeys["example.com"]);
    }

    [Fact]
    public async Task Activate_WithPublishedMatchingRecord_Activates()
    {
        await using var h = await OpenAsync();
        var key = await h.AddDomainWithKeyAsync("example.com");
        h.Publish(key);
        var active = Ok(await h.Store.ActivateKeyAsync(Admin, key.Id, false, Token));
        Assert.Equal((KeyState.Active, false, true), (active.State, active.ActivationForced, active.LastDnsCheck!.Matches));
    }

    [Fact]
    public async Task Activate_WrongKeyPublished_IsRefused()
    {
        await using var h = await OpenAsync();
        var key = await h.AddDomainWithKeyAsync("example.com");
        var other = await h.AddDomainWithKeyAsync("example.com", "s2");
        h.Dns.Add(key.RecordName, KeyRecords.ValueFor(other));
        var error = Fails(await h.Store.ActivateKeyAsync(Admin, key.Id, false, Token), StoreErrorKind.Conflict);
        Assert.Contains("not the signing key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_SecondKeyOfSameAlgorithm_RetiresTheFirst_OtherAlgorithmStays()
    {
        await using var h = await OpenAsync();
        var rsa = await h.AddActiveKeyAsync("example.com", "r1", DkimKeyType.Rsa);
        var ed = await h.AddActiveKeyAsync("example.com", "e1", DkimKeyType.Ed25519);
        var ed2 = await h.AddActiveKeyAsync("example.com", "e2", DkimKeyType.Ed25519);
        Assert.Equal(KeyState.Active, Ok(await h.Store.GetKeyAsync(Admin, rsa.Id, Token)).State);
        Assert.Equal(KeyState.Retiring, Ok(await h.Store.GetKeyAsync(Admin, ed.Id, Token)).State);
        var snapshot = await h.Store.GetSigningSnapshotAsync(Token);
        Assert.Equal(["e2", "r1"], snapshot.DomainKeys["example.com"].Select(k => k.Selector).Order());
        Assert.Equal(ed2.Id, snapshot.DomainKeys["example.com"].Single(k => k.Algorithm == DkimAlgorithm.Ed25519Sha256).Id);
    }

    [Fact]
    public async Task Lifecycle_ValidPath_EndsDeletedWithRevokedRecordOnTheWay()
    {
        await using var h = await OpenAsync();
        var key = await h.AddActiveKeyAsync("example.com");
        Assert.Equal(KeyState.Retiring, Ok(await h.Store.RetireKeyAsync(Admin, key.Id, Token)).State);
        var revoked = Ok(await h.Store.RevokeKeyAsync(Admin, key.Id, Token));
        Assert.Equal("v=DKIM1; p=", KeyRecords.ValueFor(revoked));
        Assert.True(Ok(await h.Store.DeleteKeyAsync(Admin, key.Id, Token)));
        Assert.Empty(Ok(await h.Store.ListKeysAsync(Admin, KeyOwner.ForDomain("example.com"), Token)));
        Fails(await h.Store.ExportPrivateKeyPemAsync(Admin, key.Id, Token), StoreErrorKind.Conflict);
    }

    [Theory]
    [InlineData("pending", "retire")]
    [InlineData("active", "revoke")]
    [InlineData("active", "delete")]
    [InlineData("active", "activate")]
    [InlineData("revoked", "activate")]
    [InlineData("revoked", "retire")]
    public async Task Lifecycle_InvalidStep_IsConflictWithASentence(string state, string step)
    {
        await using var h = await OpenAsync();
        var key = await h.AddDomainWithKeyAsync("example.com");
        if (state != "pending")
        {
            Ok(await h.Store.ActivateKeyAsync(Admin, key.Id, true, Token));
        }

        if (state == "revoked")
        {
            Ok(await h.Store.RetireKeyAsync(Admin, key.Id, Token));
            Ok(await h.Store.RevokeKeyAsync(Admin, key.Id, Token));
        }

        var error = step switch
        {
            "retire" => Fails(await h.Store.RetireKeyAsync(Admin, key.Id, Token), StoreErrorKind.Conflict),
            "revoke" => Fails(await h.Store.RevokeKeyAsync(Admin, key.Id, Token), StoreErrorKind.Conflict),
            "delete" => Fails(await h.Store.DeleteKeyAsync(Admin, key.Id, Token), StoreErrorKind.Conflict),
            _ => Fails(await h.Store.ActivateKeyAsync(Admin, key.Id, true, Token), StoreErrorKind.Conflict),
        };
        Assert.StartsWith("key s1._domainkey.example.com cannot become", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotation_SwitchesWhenPublished_RevokesOldAfterThePeriod()
    {
        await using var h = await OpenAsync();
        var old = await h.AddActiveKeyAsync("example.com", "s1", DkimKeyType.Rsa);
        var rotation = Ok(await h.Store.StartRotationAsync(Admin, old.Id, "s2", Token));
        var next = Ok(await h.Store.GetKeyAsync(Admin, rotation.NewKeyId, Token));
        Assert.Equal((RotationStep.WaitingForDns, KeyState.Pending, DkimAlgorithm.RsaSha256, 2048), (rotation.Step, next.State, next.Algorithm, next.Bits));
        Assert.Contains(KeyRecords.ValueFor(next), rotation.Explanation, StringComparison.Ordinal);
        Assert.Empty(Ok(await h.Store.AdvanceRotationsAsync(Admin, Token)));
        h.Publish(next);
        Assert.Equal(RotationStep.Switched, Assert.Single(Ok(await h.Store.AdvanceRotationsAsync(Admin, Token))).Step);
        Assert.Equal(KeyState.Retiring, Ok(await h.Store.GetKeyAsync(Admin, old.Id, Token)).State);
        h.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(RotationStep.OldRevoked, Assert.Single(Ok(await h.Store.AdvanceRotationsAsync(Admin, Token))).Step);
        Assert.Equal("v=DKIM1; p=", KeyRecords.ValueFor(Ok(await h.Store.GetKeyAsync(Admin, old.Id, Token))));
    }

    [Fact]
    public async Task WrongMasterKey_FailsWithASentence()
    {
        var options = await StoreHarness.NewOptionsAsync(Backend, _postgres);
        await using (var store = Ok(await SignetStore.OpenAsync(options, new Signet.Testing.InMemoryTxtSource(), null, Token)))
        {
            Ok(await store.AddDomainAsync(Admin, "example.com", Token));
            Ok(await store.GenerateKeyAsync(Admin, KeyOwner.ForDomain("example.com"), new("s1", DkimKeyType.Ed25519), Token));
        }

        var wrong = options with { MasterKey = Convert.ToBase64String(new byte[32]) };
        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => SignetStore.OpenAsync(wrong, Token));
        Assert.Equal("the master key does not decrypt the stored keys: is this the right key file?", refused.Message);
        Directory.Delete(Path.GetDirectoryName(options.DataDirectory)!, recursive: true);
    }

    [Fact]
    public async Task Schema_UpgradesFromVersionOne_KeepingData()
    {
        var options = await StoreHarness.NewOptionsAsync(Backend, _postgres);
        Directory.CreateDirectory(options.DataDirectory);
        StoreDatabase database = Backend == Backend.Postgres ? new PostgresDatabase(options.ConnectionString!) : new SqliteDatabase(options.DatabasePath);
        Assert.Equal(1, await SchemaMigrator.MigrateAsync(database, 1, Token));
        await using (var session = await database.BeginAsync(Token))
        {
            await session.ExecuteAsync("INSERT INTO domains (name, signing_enabled, subdomains, created_at) VALUES ('old.example', 1, 'UseParentKeys', 0)", null, Token);
            await session.CommitAsync(Token);
        }

        await using var h = await StoreHarness.OpenAsync(options);
        Assert.Equal(SchemaMigrator.LatestVersion(database), await SchemaMigrator.CurrentVersionAsync(database, Token));
        Assert.Equal("old.example", Ok(await h.Store.GetDomainAsync(Admin, "old.example", Token)).Name);
        var key = await h.AddActiveKeyAsync("old.example");
        Assert.Equal(RotationStep.WaitingForDns, Ok(await h.Store.StartRotationAsync(Admin, key.Id, "s2", Token)).Step);
        if (database is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task Audit_RecordsWhoWhatWhen_WithoutSecrets()
    {
        await using var h = await OpenAsync();
        var key = await h.AddActiveKeyAsync("example.com");
        string pem = Ok(await h.Store.ExportPrivateKeyPemAsync(Admin, key.Id, Token));
        var user = Ok(await h.Store.AddUserAsync(Admin, "alice", UserRole.DomainAdmin, "correct horse battery", ["example.com"], Token));
        string token = Ok(await h.Store.CreateTokenAsync(Admin, user.Id, "ci", Token));
        Assert.Null(Ok(await h.Store.AuthenticatePasswordAsync("alice", "wrong password!!", Token)));
        Assert.NotNull(Ok(await h.Store.AuthenticatePasswordAsync("alice", "correct horse battery", Token)));
        Ok(await h.Store.UpdateServerSettingsAsync(Admin, "mail.example.net", true, Token));
        var audit = Ok(await h.Store.ListAuditAsync(Admin, 100, Token));
        Assert.Equal(
            ["domain.add", "key.generate", "key.activate", "key.export", "user.add", "token.create", "signin.failure", "signin.success", "settings.update"],
            audit.Select(a => a.Action).Reverse());
        Assert.All(audit, a => Assert.Equal("local administrator", a.Action.StartsWith("signin", StringComparison.Ordinal) ? "local administrator" : a.Actor));
        string all = string.Join("\n", audit.Select(a => a.ToString()));
        Assert.DoesNotContain("correct horse", all, StringComparison.Ordinal);
        Assert.DoesNotContain(token[4..], all, StringComparison.Ordinal);
        Assert.DoesNotContain(pem.Split('\n')[1], all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_AuthenticateAsTheirUser_StoredOnlyAsHash()
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "example.com", Token));
        var user = Ok(await h.Store.AddUserAsync(Admin, "bob", UserRole.DomainAdmin, "a long enough password", ["example.com"], Token));
        string token = Ok(await h.Store.CreateTokenAsync(Admin, user.Id, "deploy", Token));
        Assert.StartsWith("sgt_", token, StringComparison.Ordinal);
        var actor = Ok(await h.Store.AuthenticateTokenAsync(token, Token))!;
        Assert.Equal((user.Id, UserRole.DomainAdmin, true), (actor.UserId, actor.Role, actor.Domains.Contains("example.com")));
        Assert.Null(Ok(await h.Store.AuthenticateTokenAsync(token + "x", Token)));
        Assert.Null(Ok(await h.Store.AuthenticateTokenAsync("not a token", Token)));
        Fails(await h.Store.CreateTokenAsync(actor, Guid.NewGuid(), "other", Token), StoreErrorKind.Forbidden);
        Assert.True(Ok(await h.Store.RemoveUserAsync(Admin, user.Id, Token)));
        Assert.Null(Ok(await h.Store.AuthenticateTokenAsync(token, Token)));
    }

    [Fact]
    public async Task Revision_ChangesWithEverySigningChange()
    {
        await using var h = await OpenAsync();
        long start = await h.Store.GetRevisionAsync(Token);
        var key = await h.AddActiveKeyAsync("example.com");
        long afterActivate = await h.Store.GetRevisionAsync(Token);
        Assert.True(afterActivate > start);
        Ok(await h.Store.RetireKeyAsync(Admin, key.Id, Token));
        Assert.True(await h.Store.GetRevisionAsync(Token) > afterActivate);
        var snapshot = await h.Store.GetSigningSnapshotAsync(Token);
        Assert.Equal(await h.Store.GetRevisionAsync(Token), snapshot.Revision);
    }

    [Fact]
    public async Task Revision_RotationRoundWithNothingDue_StaysTheSame()
    {
        await using var h = await OpenAsync();
        await h.AddActiveKeyAsync("example.com");
        long before = await h.Store.GetRevisionAsync(Token);

        Assert.Empty(Ok(await h.Store.AdvanceRotationsAsync(Admin, Token)));

        Assert.Equal(before, await h.Store.GetRevisionAsync(Token));
    }

    public static TheoryData<string> DomainAdminOperations() =>
    [
        "GetDomain", "UpdateDomain", "RemoveDomain", "ListKeys", "GetKey", "GenerateKey", "ImportKey", "CheckKeyDns", "ActivateKey",
        "RetireKey", "RevokeKey", "DeleteKey", "StartRotation", "ListRotations", "ExportKey", "ServerKeys", "ServerSettings",
        "AddDomain", "AddUser", "SetUserDomains", "RemoveUser", "TokenForOther",
    ];

    [Theory]
    [MemberData(nameof(DomainAdminOperations))]
    public async Task DomainAdmin_OtherDomainOrServerWide_IsNotFoundOrForbidden(string operation)
    {
        await using var h = await OpenAsync();
        Ok(await h.Store.AddDomainAsync(Admin, "mine.example", Token));
        var theirs = await h.AddActiveKeyAsync("theirs.example");
        var user = Ok(await h.Store.AddUserAsync(Admin, "dana", UserRole.DomainAdmin, "a long enough password", ["mine.example"], Token));
        var dana = Ok(await h.Store.AuthenticatePasswordAsync("dana", "a long enough password", Token))!;
        var other = KeyOwner.ForDomain("theirs.example");
        var (kind, error) = operation switch
        {
            "GetDomain" => (StoreErrorKind.NotFound, (await h.Store.GetDomainAsync(dana, "theirs.example", Token)).Error),
            "UpdateDomain" => (StoreErrorKind.NotFound, (await h.Store.UpdateDomainAsync(dana, "theirs.example", false, null, Token)).Error),
            "RemoveDomain" => (StoreErrorKind.NotFound, (await h.Store.RemoveDomainAsync(dana, "theirs.example", Token)).Error),
            "ListKeys" => (StoreErrorKind.NotFound, (await h.Store.ListKeysAsync(dana, other, Token)).Error),
            "GetKey" => (StoreErrorKind.NotFound, (await h.Store.GetKeyAsync(dana, theirs.Id, Token)).Error),
            "GenerateKey" => (StoreErrorKind.NotFound, (await h.Store.GenerateKeyAsync(dana, other, new("s9", DkimKeyType.Ed25519), Token)).Error),
            "ImportKey" => (StoreErrorKind.NotFound, (await h.Store.ImportKeyAsync(dana, other, "s9", System.Text.Encoding.ASCII.GetBytes(TestKeysPem), Token)).Error),
            "CheckKeyDns" => (StoreErrorKind.NotFound, (await h.Store.CheckKeyDnsAsync(dana, theirs.Id, Token)).Error),
            "ActivateKey" => (StoreErrorKind.NotFound, (await h.Store.ActivateKeyAsync(dana, theirs.Id, true, Token)).Error),
            "RetireKey" => (StoreErrorKind.NotFound, (await h.Store.RetireKeyAsync(dana, theirs.Id, Token)).Error),
            "RevokeKey" => (StoreErrorKind.NotFound, (await h.Store.RevokeKeyAsync(dana, theirs.Id, Token)).Error),
            "DeleteKey" => (StoreErrorKind.NotFound, (await h.Store.DeleteKeyAsync(dana, theirs.Id, Token)).Error),
            "StartRotation" => (StoreErrorKind.NotFound, (await h.Store.StartRotationAsync(dana, theirs.Id, "s9", Token)).Error),
            "ListRotations" => (StoreErrorKind.NotFound, (await h.Store.ListRotationsAsync(dana, other, Token)).Error),
            "ExportKey" => (StoreErrorKind.NotFound, (await h.Store.ExportPrivateKeyPemAsync(dana, theirs.Id, Token)).Error),
            "ServerKeys" => (StoreErrorKind.Forbidden, (await h.Store.GenerateKeyAsync(dana, KeyOwner.Server, new("s9", DkimKeyType.Ed25519), Token)).Error),
            "ServerSettings" => (StoreErrorKind.Forbidden, (await h.Store.UpdateServerSettingsAsync(dana, null, true, Token)).Error),
            "AddDomain" => (StoreErrorKind.Forbidden, (await h.Store.AddDomainAsync(dana, "new.example", Token)).Error),
            "AddUser" => (StoreErrorKind.Forbidden, (await h.Store.AddUserAsync(dana, "eve", UserRole.ServerAdmin, "a long enough password", [], Token)).Error),
            "SetUserDomains" => (StoreErrorKind.Forbidden, (await h.Store.SetUserDomainsAsync(dana, user.Id, ["theirs.example"], Token)).Error),
            "RemoveUser" => (StoreErrorKind.Forbidden, (await h.Store.RemoveUserAsync(dana, user.Id, Token)).Error),
            _ => (StoreErrorKind.Forbidden, (await h.Store.CreateTokenAsync(dana, Guid.NewGuid(), "x", Token)).Error),
        };
        Assert.Equal(kind, error?.Kind);
        Assert.Equal(KeyState.Active, Ok(await h.Store.GetKeyAsync(Admin, theirs.Id, Token)).State);
        Assert.Equal(["mine.example"], Ok(await h.Store.ListDomainsAsync(dana, Token)).Select(d => d.Name));
        Assert.DoesNotContain(Ok(await h.Store.ListAuditAsync(dana, 100, Token)), a => a.Target.Contains("theirs", StringComparison.Ordinal));
    }

    private static readonly string TestKeysPem = Signet.Testing.TestKeys.Ed25519.ExportPkcs8Pem();

    private static string Run(string tool, string directory, string[] arguments, string output)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
        return Path.Combine(directory, output);
    }
}

[Collection(StoreTestGroup.Name)]
public sealed class SqliteStoreTests(PostgresFixture postgres) : StoreContractTests(postgres)
{
    protected override Backend Backend => Backend.Sqlite;
}

[Collection(StoreTestGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class PostgresStoreTests(PostgresFixture postgres) : StoreContractTests(postgres)
{
    protected override Backend Backend => Backend.Postgres;
}
