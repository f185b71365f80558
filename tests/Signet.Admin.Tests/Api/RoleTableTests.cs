using System.Text.Json;
using Signet.Admin.Tests.Support;

namespace Signet.Admin.Tests.Api;

/// <summary>Runs every cell of <see cref="RoleTable"/> on a fresh world: the status, the problem details shape of every
/// error, and no private key in any answer.</summary>
public abstract class RoleTableTests
{
    protected abstract Task<ApiWorld> CreateWorldAsync();

    [Theory]
    [MemberData(nameof(RoleTable.Cells), MemberType = typeof(RoleTable))]
    public async Task Endpoint_AsRole_GetsTheTableStatus(string endpointName, Role role)
    {
        var endpoint = RoleTable.Cases.Single(c => c.Name == endpointName);
        await using var world = await CreateWorldAsync();
        var call = await ApiCall.SendAsync(world, endpoint, role);
        Assert.True(RoleTable.Expected(endpoint, role) == call.Status,
            $"{endpoint.Name} as {role}: expected {RoleTable.Expected(endpoint, role)}, got {call.Status}: {call.Body}");
        if (call.Status >= 400)
        {
            Assert.Equal("application/problem+json", call.ContentType);
            using var problem = JsonDocument.Parse(call.Body);
            Assert.Equal(call.Status, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        }

        foreach (string secret in world.Secrets)
        {
            Assert.DoesNotContain(secret, call.Body, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteRoleTableTests : RoleTableTests
{
    protected override Task<ApiWorld> CreateWorldAsync() => ApiWorld.CreateAsync(Backend.Sqlite, null);
}

[Collection(PostgresGroup.Name)]
[Trait("Tier", "Integration")]
public sealed class PostgresRoleTableTests(PostgresFixture postgres) : RoleTableTests
{
    protected override Task<ApiWorld> CreateWorldAsync() => ApiWorld.CreateAsync(Backend.Postgres, postgres);
}
