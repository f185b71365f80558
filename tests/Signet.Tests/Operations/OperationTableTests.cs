using Signet.Cli;
using Signet.Operations;

namespace Signet.Tests.Operations;

/// <summary>The console, the API and the command line offer the same operations: every row of the catalog is checked
/// against the routes the host maps, the OpenAPI document it serves and the command definitions, every console form
/// and API operation must be in a row, and the table is written into docs/cli.md and docs/api.md.</summary>
public sealed class OperationTableTests
{
    [Fact]
    public async Task EveryOperation_HasItsConsoleFormApiOperationAndCommand_AndTheTableIsWritten()
    {
        IReadOnlyList<string> routes;
        IReadOnlyList<string> api;
        await using (var surface = await AdminSurface.StartAsync())
        {
            routes = surface.Routes();
            api = await surface.ApiOperationsAsync();
        }

        Assert.True(routes.Count >= 40 && api.Count >= 30, $"only {routes.Count} routes and {api.Count} API operations were found");
        var problems = OperationChecks.Problems(OperationCatalog.Operations, routes, api, SignetCommandLine.Commands);
        OperationTable.WriteInto("docs/cli.md", OperationCatalog.Operations);
        OperationTable.WriteInto("docs/api.md", OperationCatalog.Operations);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("server set --signing", null)]
    [InlineData("verify --in --json", null)]
    [InlineData("server set --switch", "signet server set does not accept --switch")]
    [InlineData("server enable", "signet server has no action enable")]
    [InlineData("serverwide set", "there is no command signet serverwide")]
    [InlineData("server set signing", "signet server set does not accept signing")]
    public void CommandForm_IsJudgedByTheCommandDefinitions(string form, string? expected) =>
        Assert.Equal(expected, OperationChecks.CommandProblem(form, SignetCommandLine.Commands));

    [Fact]
    public void MissingCells_AndSurfacesOutsideTheCatalog_AreProblems()
    {
        Operation[] catalog =
        [
            new("turn server-wide signing on or off", "POST /server/dkim/signing", "PATCH /api/server", "server set --signing"),
            new("a console-only feature", "POST /server/feature", "POST /api/feature", ""),
        ];
        string[] routes = ["POST /server/dkim/signing", "POST /server/other", "POST /domains/{domain}/dkim/keys/{id}/{action}"];
        string[] api = ["PATCH /api/server", "DELETE /api/thing/{id}"];

        var problems = OperationChecks.Problems(catalog, routes, api, SignetCommandLine.Commands);

        Assert.Contains("\"a console-only feature\": console \"POST /server/feature\": no such route is mapped", problems);
        Assert.Contains("\"a console-only feature\": API \"POST /api/feature\": not in /api/openapi.json", problems);
        Assert.Contains("\"a console-only feature\": the CLI cell is empty", problems);
        Assert.Contains(problems, p => p.StartsWith("the console form POST /server/other is in no row", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("the console form POST /domains/{domain}/dkim/keys/{id}/{action} is in no row", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("the API operation DELETE /api/thing/{id} is in no row", StringComparison.Ordinal));
        Assert.Equal(6, problems.Count);
    }

    [Theory]
    [InlineData("POST /domains/{domain}/dkim/keys/{id}/{action}", "POST /domains/{domain}/dkim/keys/{id}/retire", true)]
    [InlineData("POST /domains/{domain}/dkim/keys/{id}/{action}", "GET /domains/{domain}/dkim/keys/{id}/retire", false)]
    [InlineData("GET /api/server/", "GET /api/server", true)]
    [InlineData("GET /api/server/keys", "GET /api/server", false)]
    [InlineData("POST /check", "POST /check/x", false)]
    public void RouteForms_MatchParametersButNotMethodsOrLengths(string mapped, string form, bool serves) =>
        Assert.Equal(serves, RouteForms.Serves(mapped, form));
}
