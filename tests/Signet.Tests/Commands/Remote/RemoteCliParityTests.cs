using System.Text.RegularExpressions;
using Signet.Testing;

namespace Signet.Tests.Commands.Remote;

/// <summary>Every store command run twice, once on a store on this machine (--data) and once through a running
/// <c>signet serve</c>'s API (--server-url, --token-file): the exit statuses and the outputs are the same, once the
/// values that are different by nature (ids, fresh keys, times, the token) are masked.</summary>
[Trait("Tier", "Integration")]
public sealed partial class RemoteCliParityTests
{
    /// <summary>The script an administrator would run, in order; {pem}, {password} and {password2} are files.</summary>
    private static readonly string[][] Script =
    [
        ["server", "set", "--host-name", "mx.example.net"],
        ["domain", "add", "--domain", "example.com"],
        ["domain", "add", "--domain", "example.com"],
        ["domain", "add", "--domain", "example.com", "--strict"],
        ["domain", "add", "--domain", "example.org", "--quiet"],
        ["domain", "list"],
        ["domain", "list", "--json"],
        ["domain", "set", "--domain", "example.com", "--subdomains", "own"],
        ["domain", "set", "--domain", "example.com", "--signing", "maybe"],
        ["key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519"],
        ["key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519"],
        ["key", "import", "--domain", "example.com", "--selector", "imp", "--key", "{pem}"],
        ["key", "list", "--domain", "example.com"],
        ["key", "dns", "--domain", "example.com", "--selector", "imp", "--format", "value"],
        ["key", "dns", "--domain", "example.com", "--selector", "imp", "--format", "zone"],
        ["key", "activate", "--domain", "example.com", "--selector", "s1", "--force"],
        ["key", "rotate", "--domain", "example.com", "--selector", "s1", "--new-selector", "s2"],
        ["key", "rotations", "--domain", "example.com"],
        ["key", "activate", "--domain", "example.com", "--selector", "imp", "--force"],
        ["key", "retire", "--domain", "example.com", "--selector", "imp"],
        ["key", "revoke", "--domain", "example.com", "--selector", "imp"],
        ["key", "delete", "--domain", "example.com", "--selector", "imp"],
        ["key", "delete", "--domain", "example.com", "--selector", "nosuch"],
        ["key", "list", "--domain", "nosuch.example"],
        ["server", "set", "--signing", "on"],
        ["server", "show"],
        ["server", "show", "--json"],
        ["key", "generate", "--server", "--selector", "srv", "--algorithm", "ed25519"],
        ["key", "list", "--server"],
        ["user", "add", "--name", "dana", "--domain", "example.com", "--password-file", "{password}"],
        ["user", "add", "--name", "dana", "--password-file", "{password}"],
        ["user", "list"],
        ["user", "domains", "--name", "dana", "--domain", "example.org"],
        ["user", "password", "--name", "dana", "--password-file", "{password2}"],
        ["token", "create", "--user", "dana", "--description", "automation"],
        ["token", "list", "--user", "dana"],
        ["token", "revoke", "--id", "3f2c0c8e-0000-4000-8000-000000000001"],
        ["user", "remove", "--name", "dana"],
        ["user", "remove", "--name", "dana"],
        ["domain", "remove", "--domain", "example.org"],
        ["domain", "remove", "--domain", "example.org"],
        ["domain", "list"],
    ];

    [Fact]
    public async Task EveryStoreCommand_ThroughTheApi_AnswersAsOnTheLocalStore()
    {
        using var temp = new TemporaryDirectory();
        string local = temp.File("local");
        string served = temp.File("served");
        var files = await FilesAsync(temp);
        await RemoteOperator.SeedAsync(local);
        string tokenFile = await RemoteOperator.SeedAsync(served);
        // Serve looks keys up on a loopback port where nothing answers: nothing in the script needs DNS.
        string resolver = $"127.0.0.1:{LoopbackPorts.FindFreeTcpAndUdpPort()}";
        await using var serve = await ServeProcess.StartAsync(served, ["--resolver", resolver, "--hostname", "mx.example.net"]);
        string[] remote = ["--server-url", $"http://127.0.0.1:{serve.HttpPort}", "--token-file", tokenFile];

        var differences = new List<string>();
        foreach (string[] step in Script)
        {
            string[] command = step.Select(a => files.TryGetValue(a, out string? path) ? path : a).ToArray();
            var onStore = await CliRun.Run([.. command, "--data", local]);
            var throughApi = await CliRun.Run([.. command, .. remote]);
            string line = string.Join(' ', step);
            if (onStore.ExitCode != throughApi.ExitCode)
            {
                differences.Add($"{line}: exit {onStore.ExitCode} on the store, {throughApi.ExitCode} through the API ({throughApi.Error.Trim()})");
            }

            if (Mask(onStore.OutputText) != Mask(throughApi.OutputText))
            {
                differences.Add($"{line}: output differs\n  store: {Mask(onStore.OutputText)}\n  API:   {Mask(throughApi.OutputText)}");
            }

            if (Mask(onStore.Error) != Mask(throughApi.Error))
            {
                differences.Add($"{line}: stderr differs\n  store: {Mask(onStore.Error)}\n  API:   {Mask(throughApi.Error)}");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
        // The API world really changed: what the script left is in serve's store, seen through the console's API too.
        Assert.Contains("example.com", (await CliRun.Run(["domain", "list", "--data", served])).OutputText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyExport_ThroughTheApi_IsRefused_AndPolicyExplainSaysWhereToRunIt()
    {
        using var temp = new TemporaryDirectory();
        string served = temp.File("served");
        string tokenFile = await RemoteOperator.SeedAsync(served);
        await CliRun.Run("domain", "add", "--domain", "example.com", "--data", served);
        await CliRun.Run("key", "generate", "--domain", "example.com", "--selector", "s1", "--algorithm", "ed25519", "--data", served);
        await using var serve = await ServeProcess.StartAsync(served, ["--resolver", $"127.0.0.1:{LoopbackPorts.FindFreeTcpAndUdpPort()}"]);
        string[] remote = ["--server-url", $"http://127.0.0.1:{serve.HttpPort}", "--token-file", tokenFile];

        var export = await CliRun.Run(["key", "export", "--domain", "example.com", "--selector", "s1", .. remote]);
        var explain = await CliRun.RunWithInput("From: a@example.com\r\n\r\n", ["policy", "explain", .. remote]);

        Assert.Equal(1, export.ExitCode);
        Assert.Empty(export.OutputText);
        Assert.Contains("private keys never leave through the API", export.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", export.OutputText + export.Error, StringComparison.Ordinal);
        Assert.Equal(2, explain.ExitCode);
        Assert.Contains("run it on the mail host", explain.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedToken_IsRefusedWithTheServersReason()
    {
        using var temp = new TemporaryDirectory();
        string served = temp.File("served");
        string tokenFile = await RemoteOperator.SeedAsync(served);
        await using var serve = await ServeProcess.StartAsync(served, ["--resolver", $"127.0.0.1:{LoopbackPorts.FindFreeTcpAndUdpPort()}"]);
        string[] remote = ["--server-url", $"http://127.0.0.1:{serve.HttpPort}", "--token-file", tokenFile];
        string id = (await CliRun.Run("token", "list", "--json", "--data", served)).OutputText.Split('"')[3];
        Assert.Equal(0, (await CliRun.Run("token", "revoke", "--id", id, "--data", served)).ExitCode);

        var run = await CliRun.Run(["domain", "list", .. remote]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused the token", run.Error, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, string>> FilesAsync(TemporaryDirectory temp)
    {
        var files = new Dictionary<string, string>
        {
            ["{pem}"] = temp.File("imp.pem"),
            ["{password}"] = temp.File("dana.password"),
            ["{password2}"] = temp.File("dana.password2"),
        };
        await File.WriteAllTextAsync(files["{pem}"], TestKeys.Rsa2048.ExportPkcs8Pem());
        await File.WriteAllTextAsync(files["{password}"], "dana's long enough password\n");
        await File.WriteAllTextAsync(files["{password2}"], "dana's brand new password\n");
        return files;
    }

    /// <summary>Masks what differs by nature between two stores: ids, freshly generated public keys, times, secrets.</summary>
    private static string Mask(string text)
    {
        string masked = Guid().Replace(text, "<id>");
        masked = Token().Replace(masked, "<token>");
        masked = Time().Replace(masked, "<time>");
        masked = FreshKey().Replace(masked, "<key>");
        return masked.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex("sgt_[A-Za-z0-9_-]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Time();

    // An Ed25519 public key is 44 base64 characters; RSA keys here are imported, the same on both sides.
    [GeneratedRegex(@"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])")]
    private static partial Regex FreshKey();
}
