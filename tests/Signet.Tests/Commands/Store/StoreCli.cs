using Signet.Testing;

namespace Signet.Tests.Commands.Store;

/// <summary>Runs store commands in-process against a data directory of its own (SQLite), removed afterwards.</summary>
internal sealed class StoreCli : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    public string Data => _temp.File("data");

    public string File(string name) => _temp.File(name);

    public Task<CliRun> Run(params string[] args) => CliRun.Run([.. args, "--data", Data]);

    public Task<CliRun> RunWithInput(string input, params string[] args) => CliRun.RunWithInput(input, [.. args, "--data", Data]);

    /// <summary>Runs a command that must succeed and returns its output.</summary>
    public async Task<string> Ok(params string[] args)
    {
        var run = await Run(args);
        Assert.True(run.ExitCode == 0, $"signet {string.Join(' ', args)} exited {run.ExitCode}: {run.Error}{run.OutputText}");
        return run.OutputText;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
