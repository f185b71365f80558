using System.Net;
using Signet.Console.Tests.Support;
using Signet.Store.Access;
using Signet.Store.Model;

namespace Signet.Console.Tests.Pages;

/// <summary>The domain lists (a server admin's and a domain admin's) read the domains with their keys in a fixed
/// number of database commands: twenty domains cost what two do, where one query per domain would add forty.</summary>
public sealed class DomainListCostTests
{
    [Theory]
    [InlineData("admin", UserRole.ServerAdmin, "/server/domains")]
    [InlineData("dana", UserRole.DomainAdmin, "/domains")]
    public async Task DomainList_TwentyDomains_TakesAsManyDatabaseCommandsAsTwo(string user, UserRole role, string path)
    {
        await using var host = await ConsoleHost.StartAsync();
        var names = Enumerable.Range(0, 20).Select(i => $"d{i:00}.example").ToList();
        await AddWithKeyAsync(host, names[0]);
        await AddWithKeyAsync(host, names[1]);
        var added = await host.AddUserAsync(user, ConsoleUser.Password, role, role == UserRole.DomainAdmin ? [.. names.Take(2)] : []);
        using var session = new HttpSession(host);
        await session.SignInAsync(user);
        long forTwo = await CommandsAsync(host, () => ShowAsync(session, path, names.Take(2)));
        foreach (string name in names.Skip(2))
        {
            await AddWithKeyAsync(host, name);
        }

        if (role == UserRole.DomainAdmin)
        {
            Assert.True((await host.Store.SetUserDomainsAsync(Actor.LocalAdministrator, added.Id, names, ConsoleHost.Token)).Succeeded);
        }

        long forTwenty = await CommandsAsync(host, () => ShowAsync(session, path, names));

        Assert.Equal(forTwo, forTwenty);
    }

    private static async Task AddWithKeyAsync(ConsoleHost host, string domain)
    {
        await host.AddDomainAsync(domain);
        var key = await host.Store.GenerateKeyAsync(Actor.LocalAdministrator, KeyOwner.ForDomain(domain),
            new KeyGenerationRequest("s1", Signet.Dkim.DkimKeyType.Ed25519), ConsoleHost.Token);
        Assert.True(key.Succeeded, key.Error?.Message);
    }

    /// <summary>The commands of the second of two identical requests: the first records the session's last request
    /// (written at most once a minute), so the measured one does only the page's work.</summary>
    private static async Task<long> CommandsAsync(ConsoleHost host, Func<Task> request)
    {
        await request();
        long before = host.Store.DatabaseCommands;
        await request();
        return host.Store.DatabaseCommands - before;
    }

    private static async Task ShowAsync(HttpSession session, string path, IEnumerable<string> domains)
    {
        using var response = await session.GetAsync(path);
        string page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(domains, d => Assert.Contains(d, page, StringComparison.Ordinal));
        Assert.Contains("Not signing: no active key", page, StringComparison.Ordinal);
    }
}
