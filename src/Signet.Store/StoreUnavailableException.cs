namespace Signet.Store;

/// <summary>The store itself cannot answer: the database is unreachable or refuses the query, its schema is one this
/// version cannot use, or the master key does not open what it holds. Not an outcome of the request (those are
/// <see cref="StoreResult{T}"/> errors) but of the installation, so it is thrown, and each host maps it in one place:
/// the API to a 503 problem, the console to its 503 page, the command line to exit status 1, each with
/// <see cref="Exception.Message"/>, a sentence an administrator can act on.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
        : base("the store is unavailable")
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
