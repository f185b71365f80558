namespace Signet.Store.Persistence;

/// <summary>The database holds a schema this version cannot use; caught at open and reported as a store error.</summary>
internal sealed class StoreSchemaException : Exception
{
    public StoreSchemaException(string message)
        : base(message)
    {
    }
}
