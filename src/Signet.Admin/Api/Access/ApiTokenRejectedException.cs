using Signet.Store;

namespace Signet.Admin.Api.Access;

/// <summary>Why a bearer token was not accepted: a sentence for the caller, and the store error when the store
/// itself could not answer (so the caller gets 503, not 401).</summary>
public sealed class ApiTokenRejectedException : Exception
{
    public ApiTokenRejectedException(string message)
        : base(message)
    {
    }

    public ApiTokenRejectedException(StoreError error)
        : base(error?.Message) => StoreError = error;

    public ApiTokenRejectedException()
    {
    }

    public ApiTokenRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreError? StoreError { get; }
}
