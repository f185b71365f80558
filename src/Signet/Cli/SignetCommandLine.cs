using System.CommandLine;
using Signet.Commands;
using Signet.Commands.Store;

namespace Signet.Cli;

/// <summary>The <c>signet</c> entry point: System.CommandLine parses the arguments against the command definitions,
/// then the command runs; every failure becomes one line on stderr and an exit status — never a stack trace.</summary>
public static class SignetCommandLine
{
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new KeygenCommand(), new DnsRecordCommand(), new SignCommand(), new VerifyCommand(), new CheckDnsCommand(),
        new DomainCommand(), new KeyCommand(), new PolicyCommand(), new ServerCommand(), new UserCommand(), new TokenCommand(), new ImportCommand(), new AuditCommand(),
        new PublisherCommand(), new RotationCommand(),
        new BackupCommand(), new RestoreCommand(), new ServeCommand(), new ConfigCommand(), new CompletionCommand(),
    ];

    // Response files (@FILE) are off: an argument such as "@alice" is a value, never a file to read arguments from.
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            console.WriteLine(Usage());
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Success;
        }

        if (args[0] is "--version")
        {
            console.WriteLine("signet " + typeof(SignetCommandLine).Assembly.GetName().Version);
            return ExitCodes.Success;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            console.Error.WriteLine($"signet: unknown command \"{TerminalText.Printable(args[0])}\" (try signet --help)");
            return ExitCodes.Usage;
        }

        var rest = args.Skip(1).ToList();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            console.WriteLine(CliHelp.Render(command.Definition));
            return ExitCodes.Success;
        }

        try
        {
            return await command.RunAsync(Parse(command, rest), console, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException exception)
        {
            console.Error.WriteLine($"signet {command.Name}: {exception.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"signet {command.Name}: {exception.Message}");
            return ExitCodes.Usage;
        }
#pragma warning disable CA1031 // The CLI's edge: an unexpected fault still gets one line, not a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            console.Error.WriteLine($"signet {command.Name}: internal error: {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>Parses the arguments after the command's name against its definition.</summary>
    /// <exception cref="CliUsageException">The definition does not accept them; the message says why, in one line.</exception>
    public static CliArguments Parse(ICliCommand command, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = command.Definition.Parse(args, Parsing);
        return CliParseErrors.Describe(result, command.Definition, args) is { } error
            ? throw new CliUsageException(error)
            : new CliArguments(result);
    }

    private static string Usage() =>
        "Usage: signet COMMAND [OPTIONS]   (signet COMMAND --help for details and examples)\n\nCommands:\n"
        + string.Join("\n", Commands.Select(c => $"  {c.Name,-12} {c.Summary}"))
        + "\n\nExit statuses: 0 success; 1 verification failed or record unusable; 2 unusable arguments or input;\n"
        + "75 (verify) nothing passed and a DNS lookup failed temporarily.";
}
