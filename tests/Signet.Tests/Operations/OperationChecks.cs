using Signet.Cli;
using Signet.Operations;

namespace Signet.Tests.Operations;

/// <summary>Every cell of the operation catalog against the real surfaces, and the surfaces back against the catalog:
/// each problem is one sentence naming the row and the cell.</summary>
internal static class OperationChecks
{
    /// <summary>Console forms that are not operations of the model: signing in and out, the first-run set-up, and
    /// the self-service forms of rows the catalog has (a user's own password and tokens).</summary>
    public static readonly IReadOnlyList<string> ConsoleFormsOutsideTheCatalog =
    [
        "POST /signin", "POST /signout", "POST /setup/{token}",
        "POST /account/password", "POST /account/tokens", "POST /account/tokens/{id}/revoke",
        // Moves every due rotation on at once; signet serve does it by itself, and the rotation commands carry it.
        "POST /domains/{domain}/dkim/rotations/advance", "POST /server/dkim/rotations/advance",
    ];

    /// <summary>API reads of one item, which the listings of the catalog show whole.</summary>
    public static readonly IReadOnlyList<string> ApiOperationsOutsideTheCatalog =
    [
        "GET /api/domains/{domain}", "GET /api/domains/{domain}/keys/{id}", "GET /api/server/keys/{id}",
    ];

    public static IReadOnlyList<string> Problems(
        IReadOnlyList<Operation> catalog, IReadOnlyList<string> routes, IReadOnlyList<string> apiOperations, IReadOnlyList<ICliCommand> commands)
    {
        var problems = new List<string>();
        foreach (var operation in catalog)
        {
            problems.AddRange(Cell(operation, "console", operation.Console, form => routes.Any(r => RouteForms.Serves(r, form)) ? null : "no such route is mapped"));
            problems.AddRange(Cell(operation, "API", operation.Api, form => apiOperations.Any(a => RouteForms.Serves(a, form)) ? null : "not in /api/openapi.json"));
            problems.AddRange(Cell(operation, "CLI", operation.Cli, form => CommandProblem(form, commands)));
        }

        problems.AddRange(routes
            .Where(r => r.StartsWith("POST ", StringComparison.Ordinal) && !ConsoleFormsOutsideTheCatalog.Contains(r))
            .Where(r => !r.StartsWith("POST /api", StringComparison.Ordinal))
            .Where(r => !catalog.Any(o => o.Console.IsOffered && RouteForms.Serves(r, o.Console.Text)))
            .Select(r => $"the console form {r} is in no row of the catalog: give it its API operation and signet command"));
        problems.AddRange(apiOperations
            .Where(a => !ApiOperationsOutsideTheCatalog.Contains(a))
            .Where(a => !catalog.Any(o => o.Api.IsOffered && RouteForms.Serves(a, o.Api.Text)))
            .Select(a => $"the API operation {a} is in no row of the catalog: give it its console form and signet command"));
        return problems;
    }

    /// <summary>What is wrong with the command form "noun [action] --option…", or null when the command line accepts it.</summary>
    public static string? CommandProblem(string form, IReadOnlyList<ICliCommand> commands)
    {
        string[] words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var command = commands.FirstOrDefault(c => c.Name == words[0]);
        if (command is null)
        {
            return $"there is no command signet {words[0]}";
        }

        var action = command.Actions.FirstOrDefault(a => a.Name.Length == 0)
            ?? (words.Length > 1 ? command.Actions.FirstOrDefault(a => a.Name == words[1]) : null);
        if (action is null)
        {
            return $"signet {words[0]} has no action {(words.Length > 1 ? words[1] : "(none given)")}";
        }

        var options = words.Skip(action.Name.Length == 0 ? 1 : 2).ToList();
        var unknown = options.Where(o => !o.StartsWith("--", StringComparison.Ordinal) || !action.Accepts(o[2..])).ToList();
        return unknown.Count == 0 ? null : $"signet {words[0]} {action.Name} does not accept {string.Join(", ", unknown)}";
    }

    private static IEnumerable<string> Cell(Operation operation, string surface, OperationForm form, Func<string, string?> problem)
    {
        if (!form.IsOffered)
        {
            if (string.IsNullOrWhiteSpace(form.NotOfferedBecause))
            {
                yield return $"\"{operation.Action}\": the {surface} cell is empty";
            }

            yield break;
        }

        if (string.IsNullOrWhiteSpace(form.Text))
        {
            yield return $"\"{operation.Action}\": the {surface} cell is empty";
        }
        else if (problem(form.Text) is { } found)
        {
            yield return $"\"{operation.Action}\": {surface} \"{form.Text}\": {found}";
        }
    }
}
