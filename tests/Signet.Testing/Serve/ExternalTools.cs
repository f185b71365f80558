using System.Diagnostics;
using System.Net;
using Signet.Testing;

namespace Signet.Testing.Serve;

/// <summary>The independent peers the mail-flow tests check serve's work with: dkimpy (python3-dkim) and Debian's
/// miltertest. A missing one fails the test with what to install.</summary>
[Signet.Testing.OutsideServer]
public static class ExternalTools
{
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Serve", "scripts", name);

    /// <summary>dkimpy's verdict on each message, keys from the loopback nsd only: "pass NAME" or "fail NAME REASON".</summary>
    public static async Task<IReadOnlyList<string>> DkimpyVerifyAsync(IPEndPoint dns, IReadOnlyList<byte[]> messages)
    {
        using var directory = new TemporaryDirectory();
        for (int i = 0; i < messages.Count; i++)
        {
            await File.WriteAllBytesAsync(directory.File($"{i:D5}.eml"), messages[i]);
        }

        var (code, output) = await RunAsync("/usr/bin/python3", TimeSpan.FromMinutes(2), Script("dkimpy_verify.py"), dns.Address.ToString(), dns.Port.ToString(), directory.Path);
        if (output.Contains("No module named", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("dkimpy is not installed: apt-get install python3-dkim python3-dnspython\n" + output);
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("pass ", StringComparison.Ordinal) || l.StartsWith("fail ", StringComparison.Ordinal)).ToList();
        return lines.Count == messages.Count
            ? lines
            : throw new InvalidOperationException($"dkimpy exited with {code} and judged {lines.Count} of {messages.Count} messages:\n{output}");
    }

    /// <summary>Runs a miltertest script against the milter on <paramref name="port"/>; each of <paramref name="defines"/>
    /// (NAME=VALUE) becomes a variable of the script.</summary>
    public static async Task<(int ExitCode, string Output)> MiltertestAsync(int port, string script, TimeSpan timeout, params string[] defines)
    {
        const string Miltertest = "/usr/bin/miltertest";
        if (!File.Exists(Miltertest))
        {
            throw new InvalidOperationException("miltertest is not installed: apt-get install miltertest");
        }

        return await RunAsync(Miltertest, timeout, ["-v", "-D", $"port={port}", .. defines.SelectMany(define => new[] { "-D", define }), "-s", Script(script)]);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string program, TimeSpan timeout, params string[] arguments)
    {
        if (!File.Exists(program))
        {
            throw new InvalidOperationException($"{program} is not installed");
        }

        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} did not finish within {timeout.TotalSeconds} s\n" + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
