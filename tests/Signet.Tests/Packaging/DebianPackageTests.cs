using System.Diagnostics;
using System.Net;
using System.Text;
using Signet.Testing;

namespace Signet.Tests.Packaging;

/// <summary>The Debian package on this machine, as an administrator uses it: <c>dpkg -i</c>, <c>signet serve</c> as
/// the signet user with the packaged configuration (edited to loopback ports) behind a real Postfix, an upgrade that
/// keeps the data and the edited configuration, and <c>dpkg --purge</c>. The executable is the Native AOT one the
/// package ships. Needs root, clang, dpkg-deb, fakeroot, lintian and Postfix; not systemd (the maintainer scripts
/// start the service only when systemd runs).</summary>
[Trait("Tier", "Integration")]
public sealed class DebianPackageTests
{
    private const string Conf = "/etc/signet/signet.conf";
    private const string DataDirectory = "/var/lib/signet";
    private const string Executable = "/usr/bin/signet";
    private const string ProgramDirectory = "/usr/lib/signet";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    /// <summary>A Native AOT publish compiles every assembly to native code: minutes on a small machine.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(30);

    [Fact]
    public async Task Package_InstallServeUpgradePurge_SignsMailKeepsDataAndEditsThenLeavesNothing()
    {
        Assert.True(Environment.UserName == "root", "installing a package needs root");
        using var work = new TemporaryDirectory();
        await Run("/usr/bin/dpkg", "--purge", "signet");
        var (first, second) = await BuildPackagesAsync(work);

        try
        {
            await Run("/usr/bin/dpkg", "-i", first);
            await AssertInstalledAsync("0.0.1~test1");

            // The administrator's edits: loopback ports for this test, a host name.
            int milterPort = LoopbackPorts.FindFreeTcpAndUdpPort();
            int httpPort = LoopbackPorts.FindFreeTcpAndUdpPort();
            // The top section's HostName only: the [Relay] section has a commented HostName too, and setting it would start the relay.
            string packaged = File.ReadAllText(Conf);
            int hostName = packaged.IndexOf("# HostName = mail.example.com", StringComparison.Ordinal);
            string edited = (packaged[..hostName] + "HostName = mx.package.test" + packaged[(hostName + "# HostName = mail.example.com".Length)..])
                .Replace("# Urls = http://127.0.0.1:8080", $"Urls = http://127.0.0.1:{httpPort}", StringComparison.Ordinal)
                .Replace("Listen = unix:/run/signet/milter.sock", $"Listen = 127.0.0.1:{milterPort}", StringComparison.Ordinal);
            File.WriteAllText(Conf, edited);
            await Run("/usr/bin/setpriv", [.. AsSignet, Executable, "domain", "add", "--domain", "package.test", "--data", DataDirectory]);
            await Run("/usr/bin/setpriv", [.. AsSignet, Executable, "key", "generate", "--domain", "package.test", "--selector", "s1", "--data", DataDirectory]);
            await Run("/usr/bin/setpriv", [.. AsSignet, Executable, "key", "activate", "--domain", "package.test", "--selector", "s1", "--force", "--data", DataDirectory]);

            await using (var sink = SmtpSink.Start())
            await using (var postfix = await PostfixInstance.StartAsync(new PostfixSettings(sink.Endpoint) { Milter = $"inet:127.0.0.1:{milterPort}" }, CancellationToken.None))
            await using (var serve = await PackagedServe.StartAsync(httpPort))
            {
                var sent = await SmtpTestClient.SendAsync(postfix.SmtpEndpoint, "alice@package.test", ["bob@example.net"],
                    Encoding.UTF8.GetBytes(MailFlow.Message("Alice <alice@package.test>", "from the package")), CancellationToken.None);
                Assert.True(sent.Accepted, string.Join(" | ", sent.Replies));
                var received = await sink.WaitForAsync(1, TimeSpan.FromSeconds(60));
                Assert.Contains("d=package.test;", received[0].Text, StringComparison.Ordinal);
                Assert.Contains("s=s1;", received[0].Text, StringComparison.Ordinal);
                Assert.Equal(0, await serve.StopAsync());
            }

            // Native code with its libraries beside it: nothing was unpacked into the service's home.
            Assert.False(Directory.Exists(Path.Combine(DataDirectory, ".net")), "the packaged executable unpacked itself into /var/lib/signet/.net: it is not the Native AOT one");

            string masterKey = File.ReadAllText(Path.Combine(DataDirectory, "master.key"));
            await Run("/usr/bin/dpkg", "-i", second);
            await AssertInstalledAsync("0.0.1~test2");
            Assert.Equal(edited, File.ReadAllText(Conf));
            Assert.Equal(masterKey, File.ReadAllText(Path.Combine(DataDirectory, "master.key")));
            string keys = await Run("/usr/bin/setpriv", [.. AsSignet, Executable, "key", "list", "--domain", "package.test", "--data", DataDirectory]);
            Assert.Contains("s1", keys, StringComparison.Ordinal);
            Assert.Contains("active", keys, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await Run("/usr/bin/dpkg", "--purge", "signet");
        }

        Assert.False(File.Exists(Executable) || new FileInfo(Executable).LinkTarget is not null, "purge left /usr/bin/signet");
        Assert.False(Directory.Exists(ProgramDirectory), "purge left /usr/lib/signet");
        Assert.False(Directory.Exists("/etc/signet"), "purge left /etc/signet");
        Assert.False(Directory.Exists(DataDirectory), "purge left /var/lib/signet");
        Assert.False(File.Exists("/lib/systemd/system/signet.service"), "purge left the systemd unit");
        Assert.DoesNotContain("signet:", await File.ReadAllTextAsync("/etc/passwd"), StringComparison.Ordinal);
        Assert.DoesNotContain("signet:", await File.ReadAllTextAsync("/etc/group"), StringComparison.Ordinal);
    }

    /// <summary>Runs a command as the signet user, as systemd's User=signet does: with HOME its home, the data
    /// folder.</summary>
    private static string[] AsSignet => ["--reuid=signet", "--regid=signet", "--init-groups", "--", "/usr/bin/env", $"HOME={DataDirectory}"];

    private static async Task AssertInstalledAsync(string version)
    {
        Assert.Equal(version, (await Run("/usr/bin/dpkg-query", "-W", "-f=${Version}", "signet")).Trim());
        Assert.Contains("signet ", await Run(Executable, "--version"), StringComparison.Ordinal);
        Assert.Equal("../lib/signet/signet", new FileInfo(Executable).LinkTarget);
        foreach (string library in (string[])["libe_sqlite3.so", "libsodium.so"])
        {
            Assert.True(File.Exists(Path.Combine(ProgramDirectory, library)), $"{library} is not beside the program in {ProgramDirectory}");
        }

        Assert.DoesNotContain("libstdc++", await Run("/usr/bin/dpkg-query", "-W", "-f=${Depends}", "signet"), StringComparison.Ordinal);
        Assert.Contains("signet:", await File.ReadAllTextAsync("/etc/passwd"), StringComparison.Ordinal);
        Assert.Equal("signet signet 700", (await Run("/usr/bin/stat", "-c", "%U %G %a", DataDirectory)).Trim());
        Assert.Equal("root signet 640", (await Run("/usr/bin/stat", "-c", "%U %G %a", Conf)).Trim());
        Assert.Contains("ExecStart=/usr/bin/signet serve --config /etc/signet/signet.conf", await File.ReadAllTextAsync("/lib/systemd/system/signet.service"), StringComparison.Ordinal);
        Assert.Contains("signet config check", await Run("/usr/bin/man", "-P", "cat", "signet"), StringComparison.Ordinal);
    }

    /// <summary>Two packages of this source with rising versions, from one Native AOT executable published as
    /// build-deb.sh publishes it (once for both: it takes minutes).</summary>
    private static async Task<(string First, string Second)> BuildPackagesAsync(TemporaryDirectory work)
    {
        Assert.True(File.Exists("/usr/bin/clang"), "clang is missing: Native AOT links with it (apt-get install clang)");
        string publish = Path.Combine(work.Path, "publish");
        var (code, output) = await ExternalTools.RunAsync("/usr/bin/env", PublishTimeout, "dotnet", "publish", Path.Combine(RepositoryPaths.Root, "src", "Signet"),
            "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-p:Version=0.0.1", "--nologo", "-v", "quiet", "-o", publish);
        Assert.True(code == 0, $"the Native AOT publish exited with {code}:\n{output}");
        string script = Path.Combine(RepositoryPaths.Root, "packaging", "build-deb.sh");
        string first = PackageIn(await Run("/bin/bash", script, "--version", "0.0.1~test1", "--executable", Path.Combine(publish, "signet"), "--out", work.Path));
        string second = PackageIn(await Run("/bin/bash", script, "--version", "0.0.1~test2", "--executable", Path.Combine(publish, "signet"), "--out", work.Path, "--skip-lintian"));
        return (first, second);
    }

    /// <summary>The package build-deb.sh printed (its standard output; lintian's notes come on standard error).</summary>
    private static string PackageIn(string output)
    {
        string? deb = output.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.EndsWith(".deb", StringComparison.Ordinal));
        Assert.True(deb is not null && File.Exists(deb), "build-deb.sh named no package:\n" + output);
        return deb!;
    }

    private static Task<string> Run(string program, params string[] arguments) => RunChecked(program, arguments);

    private static async Task<string> RunChecked(string program, IReadOnlyList<string> arguments)
    {
        Assert.True(File.Exists(program), $"{program} is missing");
        var (code, output) = await ExternalTools.RunAsync(program, CommandTimeout, [.. arguments]);
        Assert.True(code == 0, $"{program} {string.Join(' ', arguments)} exited with {code}:\n{output}");
        return output;
    }

    /// <summary><c>signet serve --config /etc/signet/signet.conf</c> as the signet user, with the environment systemd
    /// gives it (HOME from the passwd entry, nothing of the caller's SIGNET_ variables).</summary>
    private sealed class PackagedServe : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private PackagedServe(Process process) => _process = process;

        public static async Task<PackagedServe> StartAsync(int httpPort)
        {
            var start = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in (string[])[.. AsSignet, Executable, "serve", "--config", Conf])
            {
                start.ArgumentList.Add(argument);
            }

            foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("SIGNET_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["HOME"] = DataDirectory;
            start.Environment["USER"] = "signet";
            var serve = new PackagedServe(Process.Start(start)!);
            serve._process.OutputDataReceived += (_, e) => serve.Append(e.Data);
            serve._process.ErrorDataReceived += (_, e) => serve.Append(e.Data);
            serve._process.BeginOutputReadLine();
            serve._process.BeginErrorReadLine();

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                Assert.False(serve._process.HasExited, "signet serve stopped at start:\n" + serve.Output);
                try
                {
                    if ((await http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/health"))).StatusCode == HttpStatusCode.OK)
                    {
                        return serve;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                Assert.True(DateTime.UtcNow < deadline, "signet serve did not answer /health within 60 s:\n" + serve.Output);
                await Task.Delay(100);
            }
        }

        private string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public async Task<int> StopAsync()
        {
            if (!_process.HasExited)
            {
                await Run("/bin/kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            await _process.WaitForExitAsync(deadline.Token);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
    }
}
