using Signet.Cli;
using Signet.Commands.Store;
using Signet.Store;

namespace Signet.Commands;

/// <summary><c>signet restore --from FILE</c>: puts a backup back as the embedded store.</summary>
public sealed class RestoreCommand : CliCommand
{
    protected override CliCommandDefinition Define() => new CliCommandDefinition(
        "restore",
        "put a backup back as the store (refuses to replace one with keys unless --force)",
        """
        Makes the backup FILE (from signet backup) the embedded SQLite store of the data directory (default
        ./data, or $SIGNET_DATA), creating the directory (0700) when needed. Stop signet serve first.

        The keys in the backup are encrypted with the master key of the store it came from: put that master key
        in the data directory as master.key (mode 0600), or give it as Store:MasterKey. Restoring does not
        touch master.key.
        """)
    {
        Notes = "Exit statuses: 0 restored; 1 refused (the store has keys, no --force); 2 FILE missing or not a store.",
        Examples = ["signet restore --from /var/backups/signet-2026-11-28.db --data /var/lib/signet"],
    }.With(
        CliOptions.Value("from", "FILE", "the backup to restore", required: true),
        CliOptions.Value("data", "DIR", "the data directory (default $SIGNET_DATA, else ./data)"),
        CliOptions.Flag("force", "replace a store that holds keys (its keys are lost)"));

    public override Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = arguments;
        string backup = options.Require("from");
        string data = StoreOpening.DataDirectoryOf(options);
        var result = StoreBackup.Restore(backup, data, options.Has("force"));
        if (!result.TryGetValue(out var value, out var error))
        {
            console.Error.WriteLine($"signet restore: {error.Message}");
            return Task.FromResult(StoreExitCodes.For(error.Kind));
        }

        console.WriteLine($"restored {value.Domains} domains and {value.Keys} keys from {backup} into {data}");
        string masterKey = Path.Combine(data, StoreOptions.MasterKeyFileName);
        if (!File.Exists(masterKey))
        {
            console.WriteLine($"now put the master key of the backed-up store in {masterKey} (mode 0600): the keys cannot be used without it");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
