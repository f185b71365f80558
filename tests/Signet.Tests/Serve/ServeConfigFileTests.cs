using Signet.Serve;
using Signet.Testing;

namespace Signet.Tests.Serve;

public sealed class ServeConfigFileTests
{
    private static string PackagedFile => Path.Combine(RepositoryPaths.Root, "packaging", "signet.conf");

    [Fact]
    public void PackagedFile_NamesEverySettingOfServe()
    {
        string text = File.ReadAllText(PackagedFile);
        var sections = text.Split('\n').Select(line => line.Trim()).ToList();
        var missing = ServeConfigFile.KnownKeys().Where(key => !Mentions(sections, key)).ToList();
        Assert.True(missing.Count == 0, "signet.conf does not document: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task ConfigCheck_PackagedFile_IsUsable()
    {
        var run = await CliRun.Run("config", "check", PackagedFile);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(": ok", run.OutputText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Milter]\nLisen = 127.0.0.1:1\n", ":2: unknown setting \"Milter:Lisen\"")]
    [InlineData("[Milters]\n", ":1: unknown section [Milters]")]
    [InlineData("HostName mail.example.com\n", ":1: \"HostName mail.example.com\" is not a setting")]
    [InlineData("HostName = a.example\nHostName = b.example\n", ":2: \"HostName\" is given twice")]
    [InlineData("[Milter]\nMaximumSessions = lots\n", "Milter:MaximumSessions")]
    [InlineData("[Milter]\nListen = 8891\n", "Milter: Listen: \"8891\" is not host:port")]
    public async Task ConfigCheck_BadFile_FailsWithOneLineNamingTheFileAndTheKey(string content, string expected)
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("signet.conf");
        await File.WriteAllTextAsync(path, content);

        var run = await CliRun.Run("config", "check", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_BadValueInConfigFile_StopsBeforeListeningWithExitStatus2()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("signet.conf");
        await File.WriteAllTextAsync(path, "Urls = ftp://127.0.0.1:1\n");

        var run = await CliRun.Run("serve", "--config", path, "--data", directory.File("data"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}: Urls: \"ftp://127.0.0.1:1\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_CommandLineWinsOverTheFile_AndListsAreOneLinePerItem()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("signet.conf");
        File.WriteAllText(path, "HostName = file.example\n[Milter]\nInternalNetworks = 192.0.2.0/24\nInternalNetworks = 198.51.100.0/24\n");

        var sources = ServeCommandLine.ToSources(["--config", path, "--hostname", "cli.example"]);
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationManager();
        ServeConfiguration.AddSources(configuration, directory.Path, sources with { Environment = false });

        Assert.Equal("cli.example", configuration["HostName"]);
        Assert.Equal("192.0.2.0/24", configuration["Milter:InternalNetworks:0"]);
        Assert.Equal("198.51.100.0/24", configuration["Milter:InternalNetworks:1"]);
    }

    private static bool Mentions(List<string> lines, string key)
    {
        string name = key.Contains(':', StringComparison.Ordinal) ? key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..] : key;
        string section = key.Contains(':', StringComparison.Ordinal) ? "[" + key[..key.IndexOf(':', StringComparison.Ordinal)] + "]" : string.Empty;
        int start = section.Length == 0 ? 0 : lines.IndexOf(section);
        if (start < 0)
        {
            return false;
        }

        int end = lines.FindIndex(start + 1, line => line.StartsWith('['));
        return lines.Take(end < 0 ? lines.Count : end).Skip(start)
            .Any(line => line.TrimStart('#', ' ').StartsWith(name + " =", StringComparison.Ordinal));
    }
}
