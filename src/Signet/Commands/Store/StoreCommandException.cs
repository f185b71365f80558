using Signet.Store;

namespace Signet.Commands.Store;

/// <summary>The store refused or failed: its sentence goes to stderr and <see cref="StoreExitCodes"/> picks the status.</summary>
public sealed class StoreCommandException : Exception
{
    public StoreCommandException(StoreError error)
        : base(error?.Message) => Error = error!;

    public StoreCommandException()
        : this(new StoreError(StoreErrorKind.Conflict, "the store refused"))
    {
    }

    public StoreCommandException(string message)
        : this(new StoreError(StoreErrorKind.Conflict, message))
    {
    }

    public StoreCommandException(string message, Exception innerException)
        : base(message, innerException) => Error = new StoreError(StoreErrorKind.Conflict, message);

    public StoreError Error { get; }
}
