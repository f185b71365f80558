namespace Signet.Fuzz;

/// <summary>Runs one input through the code under test. It returns for any input the code handles as it should
/// (a parse failure is a handled input); it throws only when an invariant breaks, which the fuzzer records as a crash.</summary>
public delegate void FuzzAction(ReadOnlySpan<byte> input);

/// <summary>One fuzz target: the name given on the command line, what it feeds, and the harness.</summary>
public sealed record FuzzTarget(string Name, string Description, FuzzAction Run);
