using Signet.Cli;
using Signet.Cli.Completion;

namespace Signet.Commands;

/// <summary><c>signet completion bash|zsh</c>: the shell completion script, generated from the command definitions
/// the parser reads, so it offers exactly the commands, actions and options that exist.</summary>
public sealed class CompletionCommand : CliCommand
{
    protected override CliCommandDefinition Define() => new CliCommandDefinition(
        "completion",
        "print the bash or zsh completion script",
        """
        Prints the completion script for the shell: command names, their actions and options, the values of
        options that take one of a fixed set, and file names after other options that take a value. The Debian
        package installs both; from a build, load it yourself.
        """)
    {
        Examples =
        [
            "source <(signet completion bash)                        # this bash session",
            "signet completion zsh > ~/.zfunc/_signet                # zsh, with ~/.zfunc in $fpath",
        ],
        UsageHint = "say which shell: signet completion bash, or signet completion zsh",
    }
        .WithAction("bash", "the bash completion function")
        .WithAction("zsh", "the zsh completion function");

    public override Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(console);
        string script = arguments.Action == "zsh"
            ? ZshCompletion.Script(SignetCommandLine.Commands)
            : BashCompletion.Script(SignetCommandLine.Commands);
        console.WriteLine(script.TrimEnd('\n'));
        return Task.FromResult(ExitCodes.Success);
    }
}
