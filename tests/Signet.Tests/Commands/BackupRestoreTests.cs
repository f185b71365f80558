using System.Text;
using Signet.Testing;

namespace Signet.Tests.Commands;

[Trait("Tier", "Integration")]
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task Backup_WhileServeRuns_RestoresIntoAFreshFolderThatSignsWithTheSameKeys()
    {
        using var work = new TemporaryDirectory();
        string live = work.File("live");
        var zone = await ServeKeys.SetUpAsync(live, ["example.com"], serverKey: false);
        await File.WriteAllLinesAsync(work.File("keys.zone"), zone);
        string backup = work.File("signet-backup.db");

        await using (var serve = await ServeProcess.StartAsync(live, ["--hostname", ServeKeys.HostName]))
        {
            var backedUp = await CliRun.Run("backup", "--data", live, "--out", backup);
            Assert.True(backedUp.ExitCode == 0, backedUp.Error);
            Assert.Contains("backed up 1 domains and 1 keys", backedUp.OutputText, StringComparison.Ordinal);
            Assert.Contains("the master key is not in it", backedUp.OutputText, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        }

        string restoredData = work.File("restored");
        var restored = await CliRun.Run("restore", "--from", backup, "--data", restoredData);
        Assert.True(restored.ExitCode == 0, restored.Error);
        Assert.Contains("now put the master key", restored.OutputText, StringComparison.Ordinal);
        File.Copy(Path.Combine(live, "master.key"), Path.Combine(restoredData, "master.key"));

        var exported = await CliRun.Run("key", "export", "--domain", "example.com", "--selector", "s1", "--data", restoredData, "--out", work.File("s1.pem"));
        Assert.True(exported.ExitCode == 0, exported.Error);
        string message = MailFlow.Message("Alice <alice@example.com>", "restored").Replace("\n", "\r\n", StringComparison.Ordinal);
        var signed = await CliRun.RunWithInput(message, "sign", "--domain", "example.com", "--key", work.File("s1.pem"), "--selector", "s1");
        Assert.True(signed.ExitCode == 0, signed.Error);
        await File.WriteAllBytesAsync(work.File("signed.eml"), signed.Output);
        var verified = await CliRun.Run("verify", "--keys", work.File("keys.zone"), "--in", work.File("signed.eml"));
        Assert.True(verified.ExitCode == 0, verified.OutputText + verified.Error);
        Assert.Contains("dkim=pass", verified.OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_OverAStoreWithKeys_RefusesUnlessForced()
    {
        using var work = new TemporaryDirectory();
        await ServeKeys.SetUpAsync(work.File("a"), ["example.com"], serverKey: false);
        await ServeKeys.SetUpAsync(work.File("b"), ["example.org"], serverKey: false);
        var backedUp = await CliRun.Run("backup", "--data", work.File("a"), "--out", work.File("a.db"));
        Assert.True(backedUp.ExitCode == 0, backedUp.Error);

        var refused = await CliRun.Run("restore", "--from", work.File("a.db"), "--data", work.File("b"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("holds a store with 1 keys", refused.Error, StringComparison.Ordinal);
        Assert.Contains("example.org", (await CliRun.Run("domain", "list", "--data", work.File("b"))).OutputText, StringComparison.Ordinal);

        var forced = await CliRun.Run("restore", "--from", work.File("a.db"), "--data", work.File("b"), "--force");
        Assert.True(forced.ExitCode == 0, forced.Error);
        File.Copy(Path.Combine(work.File("a"), "master.key"), Path.Combine(work.File("b"), "master.key"), overwrite: true);
        var listed = await CliRun.Run("domain", "list", "--data", work.File("b"));
        Assert.True(listed.ExitCode == 0, listed.Error);
        string domains = listed.OutputText;
        Assert.Contains("example.com", domains, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", domains, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_PostgresStore_PointsToPgDump()
    {
        var run = await CliRun.Run("backup", "--store", "Host=127.0.0.1;Database=signet", "--out", "x.db");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("pg_dump", run.Error, StringComparison.Ordinal);
    }
}
