using Signet.Store;

namespace Signet.Commands.Store;

/// <summary>The store refused or failed: its sentence goes to stderr and <see cref="StoreExitCodes"/> picks the status.</summary>
public sealed class StoreCommandException : Exception
{
    public StoreCommandException(StoreError error)
        : base(error?.Message) => Error = error!;

    public StoreCommandException()
        : this(new StoreError(StoreErrorKind.Unavailable, "the store failed"))
    {
    }

    public StoreCommandException(string message)
        : this(new StoreError(StoreErrorKind.Unavailable, message))
    {
    }

    public StoreCommandException(string message, Exception innerException)
        : base(message, innerException) => Error = new StoreError(StoreErrorKind.Unavailable, message);

    public StoreError Error { get; }
}
