using System.Text.Json;
using Signet.Admin.Tests.Support;

namespace Signet.Admin.Tests.Api;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task OpenApiDocument_ListsExactlyTheEndpointsOfTheRoleTable()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.Anonymous);
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative)));
        var listed = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var tested = RoleTable.Cases.Select(c => $"{c.Method} {c.Template}").ToHashSet();
        Assert.Equal(tested.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheBearerSchemeAndServerAlignment()
    {
        await using var world = await ApiWorld.CreateAsync(Backend.Sqlite, null);
        using var client = world.Client(Role.Anonymous);
        string text = await client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative));
        using var document = JsonDocument.Parse(text);
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        string serverDescription = document.RootElement.GetProperty("paths").GetProperty("/api/server").GetProperty("get").GetProperty("description").GetString()!;
        Assert.Contains("NOT aligned", serverDescription, StringComparison.Ordinal);
    }
}
