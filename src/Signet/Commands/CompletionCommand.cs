using Signet.Cli;
using Signet.Cli.Completion;

namespace Signet.Commands;

/// <summary><c>signet completion bash|zsh</c>: the shell completion script, generated from the command definitions
/// the parser reads, so it offers exactly the commands, actions and options that exist.</summary>
public sealed class CompletionCommand : ICliCommand
{
    public string Name => "completion";

    public IReadOnlyList<CliAction> Actions { get; } = [new("bash", [], []), new("zsh", [], [])];

    public string Summary => "print the bash or zsh completion script";

    public string Help => """
        Usage: signet completion bash|zsh

        Prints the completion script for the shell: command names, their actions and options, and file names
        after an option that takes a value. The Debian package installs both; from a build, load it yourself.

        Example:
          source <(signet completion bash)                        # this bash session
          signet completion zsh > ~/.zfunc/_signet                # zsh, with ~/.zfunc in $fpath
        """;

    public Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        string script = args switch
        {
            ["bash"] => BashCompletion.Script(SignetCommandLine.Commands),
            ["zsh"] => ZshCompletion.Script(SignetCommandLine.Commands),
            _ => throw new CliUsageException("say which shell: signet completion bash, or signet completion zsh"),
        };
        console.WriteLine(script.TrimEnd('\n'));
        return Task.FromResult(ExitCodes.Success);
    }
}
