using Signet.Cli;
using Signet.Store;

namespace Signet.Commands.Store;

/// <summary>The one mapping from a store error to an exit status: what the command line named is unusable or does
/// not exist → 2 (as for every other unusable argument); the store refused the step or could not answer → 1.</summary>
public static class StoreExitCodes
{
    public static int For(StoreErrorKind kind) => kind switch
    {
        StoreErrorKind.Invalid or StoreErrorKind.NotFound => ExitCodes.Usage,
        _ => ExitCodes.Failure,
    };

    /// <summary>The store could not answer (<see cref="StoreUnavailableException"/>): the step did not happen → 1.</summary>
    public const int Unavailable = ExitCodes.Failure;
}
