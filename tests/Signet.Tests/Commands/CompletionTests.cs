using System.Diagnostics;
using Signet.Cli;
using Signet.Testing;

namespace Signet.Tests.Commands;

/// <summary><c>signet completion bash</c> run in a real bash: the generated function completes command names, actions
/// and options from the command definitions, and file names after an option that takes a value.</summary>
[Trait("Tier", "Integration")]
public sealed class CompletionTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();

    [Theory]
    [InlineData("signet dom", "domain")]
    [InlineData("signet comp", "completion")]
    [InlineData("signet server s", "set show")]
    [InlineData("signet key act", "activate")]
    [InlineData("signet domain add --dom", "--domain")]
    [InlineData("signet domain list --js", "--json")]
    [InlineData("signet server set --sig", "--signing")]
    [InlineData("signet verify --js", "--json")]
    [InlineData("signet domain add --server-u", "--server-url")]
    [InlineData("signet domain add --frob", "")]
    [InlineData("signet nosuch --", "--help")]
    [InlineData("signet domain set --signing o", "off on")]
    [InlineData("signet key dns --format q", "quoted")]
    [InlineData("signet serve --log-format j", "json")]
    public async Task Bash_CompletesFromTheCommandDefinitions(string line, string expected)
    {
        string completions = await CompleteAsync(line);
        Assert.Equal(expected, completions);
    }

    [Fact]
    public async Task Bash_AfterAnOptionThatTakesAValue_CompletesFileNames()
    {
        await File.WriteAllTextAsync(Path.Combine(_temp.Path, "message.eml"), "x");
        Assert.Equal(Path.Combine(_temp.Path, "message.eml"), await CompleteAsync($"signet verify --in {Path.Combine(_temp.Path, "mess")}"));
    }

    [Fact]
    public async Task EveryCommandActionAndOption_IsInBothScripts()
    {
        string bash = (await CliRun.Run("completion", "bash")).OutputText;
        string zsh = (await CliRun.Run("completion", "zsh")).OutputText;
        foreach (var command in SignetCommandLine.Commands)
        {
            foreach (var action in command.Actions)
            {
                foreach (string option in action.Valued.Concat(action.Flags))
                {
                    Assert.Contains("--" + option, bash, StringComparison.Ordinal);
                    Assert.Contains("--" + option, zsh, StringComparison.Ordinal);
                }
            }

            Assert.Contains($"    {command.Name})", bash, StringComparison.Ordinal);
            Assert.Contains($"    ({command.Name})", zsh, StringComparison.Ordinal);
        }

        Assert.StartsWith("#compdef signet", zsh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("completion")]
    [InlineData("completion fish")]
    [InlineData("completion bash zsh")]
    public async Task UnknownShell_ExitsTwo(string line)
    {
        var run = await CliRun.Run(line.Split(' '));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("signet completion bash", run.Error, StringComparison.Ordinal);
    }

    /// <summary>The completions bash offers for the last word of <paramref name="line"/>, sorted, space-separated.</summary>
    private async Task<string> CompleteAsync(string line)
    {
        string script = Path.Combine(_temp.Path, "signet.bash");
        await File.WriteAllTextAsync(script, (await CliRun.Run("completion", "bash")).OutputText);
        string[] words = line.Split(' ');
        string driver = $$"""
            source {{Quote(script)}}
            COMP_WORDS=({{string.Join(' ', words.Select(Quote))}})
            COMP_CWORD={{words.Length - 1}}
            COMP_LINE={{Quote(line)}}
            _signet
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        using var bash = Process.Start(new ProcessStartInfo("bash", ["--norc", "--noprofile", "-c", driver])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("bash did not start: install bash");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string output = await bash.StandardOutput.ReadToEndAsync(deadline.Token);
        string error = await bash.StandardError.ReadToEndAsync(deadline.Token);
        await bash.WaitForExitAsync(deadline.Token);
        Assert.True(bash.ExitCode == 0 && error.Length == 0, $"bash exited {bash.ExitCode}: {error}");
        return string.Join(' ', output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public void Dispose() => _temp.Dispose();
}
