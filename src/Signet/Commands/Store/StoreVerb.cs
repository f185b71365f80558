using System.CommandLine;

namespace Signet.Commands.Store;

/// <summary>One verb of a <see cref="StoreCommand"/>: what it does (for help), its options, and its body.</summary>
/// <param name="Lists">A listing: takes --json and writes the API's views of what it lists.</param>
/// <param name="Idempotent">A change that is already in effect (or whose target is already gone) succeeds with a
/// sentence saying so, unless --strict, which makes it exit 1.</param>
public sealed record StoreVerb(
    string Description,
    IReadOnlyList<Option> Options,
    Func<StoreCommandContext, CancellationToken, Task<int>> RunAsync,
    bool Lists = false,
    bool Idempotent = false);
