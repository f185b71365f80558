namespace Signet.Store;

/// <summary>The value of a store operation, or the error that prevented it.</summary>
public readonly record struct StoreResult<T>
{
    private StoreResult(T? value, StoreError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public StoreError? Error { get; }

    public bool Succeeded => Error is null;

    public static StoreResult<T> Success(T value) => new(value, null);

    public static StoreResult<T> Failure(StoreErrorKind kind, string message) => new(default, new StoreError(kind, message));

    public static implicit operator StoreResult<T>(StoreError error) => new(default, error);
}
