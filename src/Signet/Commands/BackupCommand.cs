using Signet.Cli;
using Signet.Commands.Store;
using Signet.Store;

namespace Signet.Commands;

/// <summary><c>signet backup --out FILE</c>: a consistent copy of the embedded store, safe while serve runs.</summary>
public sealed class BackupCommand : CliCommand
{
    protected override CliCommandDefinition Define() => new CliCommandDefinition(
        "backup",
        "copy the store to a file, consistently, while serve runs",
        """
        Copies the embedded SQLite store in the data directory (default ./data, or $SIGNET_DATA) to FILE, mode
        0600, with SQLite's online backup: one consistent state even while signet serve is signing and the
        console is writing. FILE holds the domains, the users and the private keys encrypted with the master key.

        The master key is NOT in FILE: it is a separate secret (master.key in the data directory, or
        Store:MasterKey). Keep a copy of it apart from the backups; without it the keys in a backup are lost.
        """)
    {
        Notes = "Exit statuses: 0 copied; 2 no store in the data directory, or FILE cannot be written.",
        Examples = ["signet backup --data /var/lib/signet --out /var/backups/signet-$(date +%F).db"],
    }.With(
        CliOptions.Value("out", "FILE", "where to write the copy (mode 0600)", required: true),
        CliOptions.Value("data", "DIR", "the data directory (default $SIGNET_DATA, else ./data)"),
        CliOptions.Value("store", "CONNECTION-STRING", "refused: a PostgreSQL store is backed up with PostgreSQL's own tools, pg_dump -Fc DATABASE > FILE"));

    public override Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var options = arguments;
        if (options.Get("store") is not null)
        {
            throw new CliUsageException("a PostgreSQL store is backed up with pg_dump (pg_dump -Fc DATABASE > FILE); back up the master key separately");
        }

        string destination = options.Require("out");
        string data = StoreOpening.DataDirectoryOf(options);
        var result = StoreBackup.Back(data, destination);
        if (!result.TryGetValue(out var value, out var error))
        {
            console.Error.WriteLine($"signet backup: {error.Message}");
            return Task.FromResult(StoreExitCodes.For(error.Kind));
        }

        console.WriteLine($"backed up {value.Domains} domains and {value.Keys} keys from {data} to {destination} (mode 0600)");
        console.WriteLine($"the master key is not in it: keep a copy of {Path.Combine(data, StoreOptions.MasterKeyFileName)} apart from this file; without it the keys cannot be used");
        return Task.FromResult(ExitCodes.Success);
    }
}
