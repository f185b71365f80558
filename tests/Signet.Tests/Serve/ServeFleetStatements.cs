using Npgsql;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>Counts the statements each client ran, from PostgreSQL's own log: the server runs with
/// <c>log_statement=all</c> and every line prefixed with the client's application name, so a node is told apart by
/// the <c>Application Name</c> of its connection string. A window is opened and closed by marks: a statement of the
/// test's own, waited for in the log, so everything logged before it happened before it.</summary>
internal sealed class ServeFleetStatements(PostgresServer postgres, string connectionString)
{
    public const string MarkApplication = "fleet-test";

    /// <summary>The server settings the counting needs: every statement logged, each line starting with "&lt;name&gt; ".</summary>
    public static IReadOnlyDictionary<string, string> ServerSettings { get; } = new Dictionary<string, string>
    {
        ["log_statement"] = "all",
        ["log_line_prefix"] = "<%a> ",
    };

    /// <summary>Runs a statement nobody else runs and returns where the log stands once it shows up there.</summary>
    public async Task<int> MarkAsync()
    {
        string mark = "fleet-mark-" + Guid.NewGuid().ToString("N");
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = MarkApplication, Pooling = false };
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT '{mark}'", connection);
            await command.ExecuteScalarAsync();
        }

        int position = -1;
        await Eventually.Until(() => (position = postgres.Log.IndexOf(mark, StringComparison.Ordinal)) >= 0, $"PostgreSQL logged the mark {mark}");
        return position;
    }

    /// <summary>What <paramref name="application"/> ran between two marks.</summary>
    public ServeFleetStatementCount Count(string application, int from, int to) =>
        Count(postgres.Log[from..to], application);

    public static ServeFleetStatementCount Count(string log, string application)
    {
        string prefix = $"<{application}> LOG:  ";
        int statements = 0, queries = 0, polls = 0, reloads = 0, writes = 0;
        foreach (string line in log.Split('\n'))
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string text = line[prefix.Length..].TrimEnd('\r');
            string? sql = text.StartsWith("statement: ", StringComparison.Ordinal) ? text["statement: ".Length..]
                : text.StartsWith("execute ", StringComparison.Ordinal) ? text[(text.IndexOf(": ", StringComparison.Ordinal) + 2)..]
                : null;
            if (sql is null)
            {
                continue;
            }

            statements++;
            if (IsTransactionControl(sql))
            {
                continue;
            }

            queries++;
            polls += sql.StartsWith("SELECT value FROM revision WHERE id = 1", StringComparison.Ordinal) ? 1 : 0;

            // The snapshot is the one reader of every domain at once (SignetStore.Snapshot.cs).
            reloads += sql.StartsWith("SELECT ", StringComparison.Ordinal) && sql.EndsWith(" FROM domains", StringComparison.Ordinal) ? 1 : 0;
            writes += sql.StartsWith("INSERT ", StringComparison.Ordinal) || sql.StartsWith("UPDATE ", StringComparison.Ordinal)
                || sql.StartsWith("DELETE ", StringComparison.Ordinal) ? 1 : 0;
        }

        return new ServeFleetStatementCount(statements, queries, polls, reloads, writes);
    }

    private static bool IsTransactionControl(string sql) =>
        sql.StartsWith("BEGIN", StringComparison.Ordinal) || sql.StartsWith("COMMIT", StringComparison.Ordinal)
        || sql.StartsWith("ROLLBACK", StringComparison.Ordinal) || sql.StartsWith("DISCARD ALL", StringComparison.Ordinal);
}
