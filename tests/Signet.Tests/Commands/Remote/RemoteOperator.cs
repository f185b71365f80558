namespace Signet.Tests.Commands.Remote;

/// <summary>The operator the remote command line acts as: a server admin "ops" with an API token in a file only its
/// owner can read, as an administrator would set it up.</summary>
internal static class RemoteOperator
{
    /// <summary>Adds "ops" to the store in <paramref name="data"/> and writes a token for it beside the data directory;
    /// returns the token file.</summary>
    public static async Task<string> SeedAsync(string data)
    {
        var added = await CliRun.RunWithInput("the operator's long password\n", "user", "add", "--name", "ops", "--role", "server-admin", "--data", data);
        Assert.True(added.ExitCode == 0, added.Error);
        var token = await CliRun.Run("token", "create", "--user", "ops", "--description", "parity", "--data", data);
        Assert.True(token.ExitCode == 0, token.Error);
        string path = Path.Combine(Path.GetDirectoryName(data)!, Path.GetFileName(data) + ".token");
        await File.WriteAllTextAsync(path, token.OutputText);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
