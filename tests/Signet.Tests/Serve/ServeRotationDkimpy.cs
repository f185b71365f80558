using System.Diagnostics;
using System.Net;
using System.Text;
using Signet.Testing;

namespace Signet.Tests.Serve;

/// <summary>dkimpy as a receiver that checks mail the moment it arrives: one python3 process that verifies each
/// message handed to it before taking the next, with keys from one Knot server only, so a verdict reflects the
/// records as that server serves them at that moment (a new process per message would cost a second each).</summary>
[OutsideServer]
internal sealed class ServeRotationDkimpy : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly TemporaryDirectory _directory = new();
    private readonly StringBuilder _errors = new();
    private int _count;

    private ServeRotationDkimpy(Process process) => _process = process;

    public static async Task<ServeRotationDkimpy> StartAsync(IPEndPoint dns)
    {
        if (!File.Exists(Python))
        {
            Assert.Fail($"{Python} is not installed: apt-get install python3 python3-dkim python3-dnspython");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (string argument in new[] { ExternalTools.Script("dkimpy_verify_each.py"), dns.Address.ToString(), dns.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var verifier = new ServeRotationDkimpy(Process.Start(start) ?? throw new InvalidOperationException("python3 did not start"));
        verifier._process.ErrorDataReceived += (_, line) =>
        {
            lock (verifier._errors)
            {
                verifier._errors.AppendLine(line.Data);
            }
        };
        verifier._process.BeginErrorReadLine();
        string? ready = await verifier.ReadLineAsync();
        if (ready != "ready")
        {
            string errors = verifier.Errors;
            await verifier.DisposeAsync();
            Assert.Fail(errors.Contains("No module named", StringComparison.Ordinal)
                ? "dkimpy is not installed: apt-get install python3-dkim python3-dnspython\n" + errors
                : $"dkimpy did not start: {ready}\n{errors}");
        }

        return verifier;
    }

    /// <summary>"pass", or "fail" and dkimpy's reason.</summary>
    public async Task<string> VerifyAsync(byte[] message)
    {
        string path = _directory.File($"{Interlocked.Increment(ref _count):D5}.eml");
        await File.WriteAllBytesAsync(path, message);
        await _process.StandardInput.WriteLineAsync(path);
        await _process.StandardInput.FlushAsync();
        string line = await ReadLineAsync() ?? throw new InvalidOperationException($"dkimpy ended without a verdict:\n{Errors}");
        return line.StartsWith("pass ", StringComparison.Ordinal) ? "pass" : line.Replace(path + " ", string.Empty, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        _directory.Dispose();
    }

    private string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    private async Task<string?> ReadLineAsync()
    {
        using var deadline = new CancellationTokenSource(AnswerTimeout);
        try
        {
            return await _process.StandardOutput.ReadLineAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"dkimpy gave no answer within {AnswerTimeout.TotalSeconds:0} s:\n{Errors}");
        }
    }
}
