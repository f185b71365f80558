namespace Signet.Cli;

/// <summary>A command whose name, summary and actions are read from its one definition.</summary>
public abstract class CliCommand : ICliCommand
{
    private CliCommandDefinition? _definition;

    public virtual string Name => Definition.Name;

    public virtual string Summary => Definition.Summary;

    public CliCommandDefinition Definition => _definition ??= Define();

    public IReadOnlyList<CliAction> Actions => CliAction.Of(Definition);

    public abstract Task<int> RunAsync(CliArguments arguments, CliConsole console, CancellationToken cancellationToken);

    /// <summary>Builds the definition, once.</summary>
    protected abstract CliCommandDefinition Define();
}
