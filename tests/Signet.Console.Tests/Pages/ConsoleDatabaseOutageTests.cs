using System.Net;
using Microsoft.Data.Sqlite;
using Signet.Console.Tests.Support;
using Signet.Store.Model;

namespace Signet.Console.Tests.Pages;

/// <summary>A signed-in admin whose store's database cannot be read gets the 503 page on any page: the session itself
/// is checked against the store, and an outage there is not "signed out". The database's own message (a path, a
/// server's address) is not shown to a caller the store could not recognise: the page says where the reason is.</summary>
public sealed class ConsoleDatabaseOutageTests
{
    [Theory]
    [InlineData("/server/domains")]
    [InlineData("/server/dkim")]
    [InlineData("/account")]
    public async Task Page_DatabaseNotADatabase_Is503SayingSoNotTheSignInPage_AndKeepsTheDatabasesMessageForTheLog(string path)
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddUserAsync("admin", ConsoleUser.Password, UserRole.ServerAdmin);
        using var session = new HttpSession(host);
        await session.SignInAsync("admin");
        using (var healthy = await session.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        SqliteConnection.ClearAllPools();
        string database = host.Store.Options.DatabasePath;
        foreach (string sidecar in new[] { "-wal", "-shm" }.Select(s => database + s).Where(File.Exists))
        {
            File.Delete(sidecar);
        }

        await File.WriteAllTextAsync(database, new string('x', 4096));
        using var during = await session.GetAsync(path);
        string page = await during.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Contains("The store is not answering", page, StringComparison.Ordinal);
        Assert.Contains("the reason is in the log of signet serve", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not a database", page, StringComparison.Ordinal);
        Assert.DoesNotContain(database, page, StringComparison.Ordinal);
        Assert.DoesNotContain("No domain yet", page, StringComparison.Ordinal);
    }
}
