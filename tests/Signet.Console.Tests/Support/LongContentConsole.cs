using Signet.Dkim;
using Signet.Store.Access;
using Signet.Store.Model;
using Signet.Testing;

namespace Signet.Console.Tests.Support;

/// <summary>A console filled with the longest content a real installation shows: domain names near the label limit,
/// 4096-bit keys in every state with a rotation under way, a DNS check that found a wrong record, dozens of domains and
/// a long audit log. Its DNS is a real nsd serving the long domain (with a wrong DKIM record and several SPF records).
/// Layout and accessibility tests walk every page of it.</summary>
public sealed class LongContentConsole : IAsyncDisposable
{
    public const string ServerAdmin = "admin";
    public const string DomainAdmin = "postmaster-for-the-northern-region-accounts-payable-department";

    /// <summary>Labels of 61 and 57 characters: one unbreakable word of 127 characters.</summary>
    public const string LongDomain = "the-northern-region-outbound-relay-for-customer-notifications.accounts-payable-and-receivable-department-of-the-holding.example";

    /// <summary>A publisher name of 64 characters, the longest the store accepts.</summary>
    public const string LongPublisher = "northern-region-primary-for-the-holding-zones-with-long-names.01";

    public const string HostName = "outbound-relay-number-seventeen-of-the-northern-region-cluster.mail-infrastructure-of-the-holding.example";

    private readonly AuthoritativeDnsServer _dns;

    private LongContentConsole(AuthoritativeDnsServer dns, ConsoleHost host)
    {
        _dns = dns;
        Host = host;
    }

    public ConsoleHost Host { get; }

    /// <summary>Every page a signed-in user reaches with a GET, with who sees it.</summary>
    public static IReadOnlyList<(string Path, string User)> Pages { get; } =
    [
        ("/server/dkim", ServerAdmin),
        ("/server/domains", ServerAdmin),
        ("/server/users", ServerAdmin),
        ("/server/audit", ServerAdmin),
        ("/server/publishers", ServerAdmin),
        ("/domains/" + LongDomain + "/dkim", ServerAdmin),
        ("/check", ServerAdmin),
        ("/domains/" + LongDomain + "/dns?rua=dmarc-aggregate-reports-for-the-northern-region-relay@reports.example", ServerAdmin),
        ("/domains/" + LongDomain + "/dns?rua=not%20an%20address", ServerAdmin),
        ("/domains", DomainAdmin),
        ("/domains/" + LongDomain + "/dns", DomainAdmin),
        ("/domains/" + LongDomain + "/dkim", DomainAdmin),
    ];

    /// <summary>The confirmation pages of destructive steps; {server:s1} and {domain:s1} stand for a key's id.</summary>
    public static IReadOnlyList<(string Path, string User)> ConfirmationPages { get; } =
    [
        ("/server/dkim/keys/{server:s1}/activate", ServerAdmin),
        ("/domains/" + LongDomain + "/dkim/keys/{domain:retiring2024}/revoke", ServerAdmin),
        ("/domains/" + LongDomain + "/dkim/keys/{domain:revoked2023}/delete", ServerAdmin),
        ("/server/domains/" + LongDomain + "/remove", ServerAdmin),
        ("/server/publishers/" + LongPublisher + "/remove", ServerAdmin),
        ("/domains/" + LongDomain + "/dkim/keys/{domain:ed2025}/delete", DomainAdmin),
    ];

    /// <summary>Replaces {server:selector} and {domain:selector} in <paramref name="path"/> with that key's id.</summary>
    public async Task<string> ResolveAsync(string path)
    {
        foreach (var (scope, owner) in new[] { ("server", KeyOwner.Server), ("domain", KeyOwner.ForDomain(LongDomain)) })
        {
            var keys = Require(await Host.Store.ListKeysAsync(Actor.LocalAdministrator, owner, ConsoleHost.Token));
            foreach (var key in keys)
            {
                path = path.Replace($"{{{scope}:{key.Selector}}}", key.Id.ToString(), StringComparison.Ordinal);
            }
        }

        return path;
    }

    public static async Task<LongContentConsole> StartAsync()
    {
        string wrongKey = Convert.ToBase64String(new byte[300]);
        var dns = await AuthoritativeDnsServer.StartAsync(LongDomain,
        [
            $"s2._domainkey IN TXT \"v=DKIM1; k=rsa; p={wrongKey[..200]}\" \"{wrongKey[200..]}\"",
            "@ IN TXT \"v=spf1 mx a:outbound-relay-number-seventeen-of-the-northern-region-cluster.example include:_spf.mail-provider-with-a-long-name.example -all\"",
            "@ IN TXT \"v=spf1 <script>alert(1)</script> ~all\"",
            "_dmarc IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc-aggregate-reports-for-the-northern-region@reports.example\"",
        ], ConsoleHost.Token);
        try
        {
            var host = await ConsoleHost.StartAsync(dns);
            var console = new LongContentConsole(dns, host);
            await console.FillAsync();
            return console;
        }
        catch
        {
            await dns.DisposeAsync();
            throw;
        }
    }

    private async Task FillAsync()
    {
        var store = Host.Store;
        var admin = Actor.LocalAdministrator;
        var token = ConsoleHost.Token;
        await Host.AddUserAsync(ServerAdmin, ConsoleUser.Password, UserRole.ServerAdmin);
        await Host.AddDomainAsync(LongDomain);
        for (int i = 1; i <= 30; i++)
        {
            await Host.AddDomainAsync($"branch-office-number-{i:00}-of-the-northern-region.example");
        }

        await Host.AddUserAsync(DomainAdmin, ConsoleUser.Password, UserRole.DomainAdmin, LongDomain, "branch-office-number-01-of-the-northern-region.example");
        Require(await store.UpdateServerSettingsAsync(admin, HostName, true, token));

        var owner = KeyOwner.ForDomain(LongDomain);
        var revoked = Require(await store.GenerateKeyAsync(admin, owner, new KeyGenerationRequest("revoked2023"), token));
        Require(await store.ActivateKeyAsync(admin, revoked.Id, true, token));
        Require(await store.RetireKeyAsync(admin, revoked.Id, token));
        Require(await store.RevokeKeyAsync(admin, revoked.Id, token));
        var retiring = Require(await store.GenerateKeyAsync(admin, owner, new KeyGenerationRequest("retiring2024", DkimKeyType.Rsa, 4096), token));
        Require(await store.ActivateKeyAsync(admin, retiring.Id, true, token));
        Require(await store.RetireKeyAsync(admin, retiring.Id, token));
        var active = Require(await store.GenerateKeyAsync(admin, owner, new KeyGenerationRequest("s1", DkimKeyType.Rsa, 4096), token));
        Require(await store.ActivateKeyAsync(admin, active.Id, true, token));
        var rotation = Require(await store.StartRotationAsync(admin, active.Id, "s2", token));
        Require(await store.CheckKeyDnsAsync(admin, rotation.NewKeyId, token));
        Require(await store.GenerateKeyAsync(admin, owner, new KeyGenerationRequest("ed2025", DkimKeyType.Ed25519), token));

        // A publisher and a rotation that stopped, so the rotation card shows its form, its buttons and a long failure.
        string secret = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());
        Require(await store.AddPublisherAsync(admin, new PublisherRequest(LongPublisher, "127.0.0.2:53", LongDomain, "signet-update-key-of-the-northern-region", secret), token));
        Require(await store.SetRotationSettingsAsync(admin, LongDomain, new DomainRotationSettings { Publisher = LongPublisher, Interval = TimeSpan.FromDays(90) }, token));
        Require(await store.RecordRotationStepAsync(LongDomain, "publishing s202612r._domainkey." + LongDomain,
            "the primary 127.0.0.2:53 refused the update (REFUSED): allow the key signet-update-key-of-the-northern-region to update " + LongDomain,
            DateTimeOffset.UtcNow.AddMinutes(1), false, token));

        var server = Require(await store.GenerateKeyAsync(admin, KeyOwner.Server, new KeyGenerationRequest("s1", DkimKeyType.Rsa, 4096), token));
        Require(await store.CheckKeyDnsAsync(admin, server.Id, token));
    }

    private static T Require<T>(Signet.Store.StoreResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException(result.Error!.Message);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _dns.DisposeAsync();
    }
}
