using System.Net;

namespace Signet.Reliability.Tests.Security;

/// <summary>When the store cannot answer, a console page says so (503 and the reason) instead of drawing an empty
/// list: "No domain is assigned to you yet" or "No key yet" during an outage would be untrue, and the second invites
/// generating a key that already exists.</summary>
public sealed class ConsoleStoreOutageTests
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "dana", "/domains" },
        { "sam", "/server/domains" },
        { "sam", "/server/users" },
        { "sam", "/server/audit" },
        { "sam", "/server/publishers" },
        { "dana", "/domains/mine.example/dns" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task ListPage_StoreUnavailable_Is503WithTheReasonNotAnEmptyList(string user, string path)
    {
        ListsFailingStore? control = null;
        await using var world = await SecurityWorld.StartAsync(store =>
        {
            (var wrapped, control) = ListsFailingStore.Wrap(store);
            return wrapped;
        });
        using var session = new ConsoleSession(world.Address);
        using var signedIn = await session.SignInAsync(user, SecurityWorld.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var healthy = await session.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        control!.Failing = true;
        using var during = await session.Client.GetAsync(new Uri(path, UriKind.Relative));
        string page = await during.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Contains("database disk image is malformed", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No domain is assigned", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DomainKeysPage_StoreUnavailable_Is503SayingThePageCannotBeShownNotNoKeyYet()
    {
        ListsFailingStore? control = null;
        await using var world = await SecurityWorld.StartAsync(store =>
        {
            (var wrapped, control) = ListsFailingStore.Wrap(store);
            return wrapped;
        });
        using var session = new ConsoleSession(world.Address);
        using var signedIn = await session.SignInAsync("dana", SecurityWorld.Password);
        control!.Failing = true;

        using var during = await session.Client.GetAsync(new Uri("/domains/mine.example/dkim", UriKind.Relative));
        string page = await during.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Contains("cannot be shown", page, StringComparison.Ordinal);
        Assert.Contains("database disk image is malformed", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No key yet", page, StringComparison.Ordinal);
    }
}
