using System.Diagnostics;

namespace Signet.Tests.Commands.Store;

/// <summary><c>signet import opendkim</c> on what opendkim-genkey really writes.</summary>
[Trait("Tier", "Integration")]
public sealed class ImportOpenDkimCommandTests : IDisposable
{
    private const string GenKey = "/usr/sbin/opendkim-genkey";
    private readonly StoreCli _cli = new();

    [Fact]
    public async Task ImportOpenDkim_GenkeyOutput_TakesTheKeysAndNamesWhatItCouldNot()
    {
        Assert.True(File.Exists(GenKey), $"{GenKey} is missing: apt-get install opendkim-tools");
        string keys = _cli.File("keys");
        Directory.CreateDirectory(keys);
        GenerateKey(keys, "example.com", "mail");
        GenerateKey(keys, "example.org", "2024");
        string keyTable = _cli.File("KeyTable");
        string signingTable = _cli.File("SigningTable");
        await File.WriteAllTextAsync(keyTable, $"""
            # OpenDKIM KeyTable
            mail._domainkey.example.com example.com:mail:{keys}/example.com/mail.private
            2024._domainkey.example.org example.org:2024:{keys}/example.org/2024.private
            gone._domainkey.example.net example.net:gone:{keys}/missing.private
            """);
        await File.WriteAllTextAsync(signingTable, """
            *@example.com mail._domainkey.example.com
            *@example.org 2024._domainkey.example.org
            """);

        var run = await _cli.Run("import", "opendkim", "--keytable", keyTable, "--signingtable", signingTable);

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}: {run.Error}{run.OutputText}");
        Assert.Contains("added domain example.com", run.OutputText);
        Assert.Contains("imported mail._domainkey.example.com", run.OutputText);
        Assert.Contains("imported 2024._domainkey.example.org", run.OutputText);
        Assert.Contains("not imported: ", run.OutputText);
        Assert.Contains("missing.private", run.OutputText);
        Assert.Contains("2 keys imported", run.OutputText);
        Assert.Contains("mail\tactive", await _cli.Ok("key", "list", "--domain", "example.com"));
        string published = await File.ReadAllTextAsync(Path.Combine(keys, "example.com", "mail.txt"));
        string ours = await _cli.Ok("key", "dns", "--domain", "example.com", "--format", "value");
        Assert.Contains(PublicKeyOf(published), ours.Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    private static void GenerateKey(string root, string domain, string selector)
    {
        string directory = Path.Combine(root, domain);
        Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo(GenKey) { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in new[] { "-b", "2048", "-d", domain, "-s", selector, "-D", directory })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"opendkim-genkey failed: {process.StandardError.ReadToEnd()}");
    }

    /// <summary>The p= value of opendkim-genkey's .txt file, whose quoted strings split it.</summary>
    private static string PublicKeyOf(string zoneText)
    {
        string joined = string.Concat(zoneText.Split('"').Where((_, i) => i % 2 == 1));
        return joined[(joined.IndexOf("p=", StringComparison.Ordinal) + 2)..].Trim();
    }

    public void Dispose() => _cli.Dispose();
}
