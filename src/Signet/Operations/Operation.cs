namespace Signet.Operations;

/// <summary>One action of the domain model with its form on each surface: the web console, the REST API and the
/// <c>signet</c> command line.</summary>
public sealed record Operation(string Action, OperationForm Console, OperationForm Api, OperationForm Cli);
