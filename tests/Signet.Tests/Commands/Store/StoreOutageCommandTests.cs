using Microsoft.Data.Sqlite;

namespace Signet.Tests.Commands.Store;

/// <summary>A store that cannot answer (its database file damaged) is reported by the command line in its one place:
/// exit status 1 and one line on stderr with the database's reason, for the first command and for any other.</summary>
public sealed class StoreOutageCommandTests : IDisposable
{
    private readonly StoreCli _cli = new();

    [Theory]
    [InlineData("domain", "list")]
    [InlineData("key", "list", "--domain", "example.com")]
    [InlineData("user", "list")]
    public async Task Command_DatabaseNotADatabase_ExitsOneWithOneLineSayingWhy(params string[] command)
    {
        await _cli.Ok("domain", "add", "--domain", "example.com");
        SqliteConnection.ClearAllPools();
        string database = Path.Combine(_cli.Data, "signet.db");
        foreach (string sidecar in new[] { "-wal", "-shm" }.Select(s => database + s).Where(File.Exists))
        {
            File.Delete(sidecar);
        }

        await File.WriteAllTextAsync(database, new string('x', 4096));

        var run = await _cli.Run(command);

        Assert.Equal(1, run.ExitCode);
        string[] lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith($"signet {command[0]} {command[1]}: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("is not usable", lines[0], StringComparison.Ordinal);
        Assert.Contains("not a database", lines[0], StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    public void Dispose() => _cli.Dispose();
}
