using System.Diagnostics;

namespace Signet.Dkim.Tests.Keys;

/// <summary>Runs a program that a user would run, failing the test with what to install when it is missing.</summary>
[Signet.Testing.OutsideServer]
internal static class ExternalTool
{
    public static string Run(string path, string package, string workingDirectory, params string[] arguments)
    {
        if (!File.Exists(path))
        {
            Assert.Fail($"{path} is missing: install {package} (apt-get install {package})");
        }

        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(path)} exited with {process.ExitCode}: {stdout} {stderr.Result}");
        return stdout;
    }
}
