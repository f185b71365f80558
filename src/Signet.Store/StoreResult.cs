using System.Diagnostics.CodeAnalysis;

namespace Signet.Store;

/// <summary>The value of a store operation, or the expected reason it did not happen (not found, forbidden, conflict,
/// invalid). A failure of the store itself is not a result: it is a <see cref="StoreUnavailableException"/>.
/// Read the value through <see cref="TryGetValue"/>, which makes the compiler prove it is there.</summary>
public readonly record struct StoreResult<T>
{
    private readonly T? _value;

    private StoreResult(T? value, StoreError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The value of a result that succeeded. Reading it from a failed result throws with the result's
    /// reason: an unchecked read fails at once, where it happened, instead of passing a null on. Code reads results
    /// through <see cref="TryGetValue"/>; this is for tests that have just asserted success.</summary>
    public T Value => Error is null ? _value! : throw new InvalidOperationException($"the store operation failed ({Error.Kind}): {Error.Message}");

    public StoreError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>The value when the operation succeeded, else the error; the attributes let the compiler prove which
    /// one a branch holds.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out StoreError? error)
    {
        value = _value;
        error = Error;
        return error is null;
    }

    public static StoreResult<T> Success(T value) => new(value, null);

    public static StoreResult<T> Failure(StoreErrorKind kind, string message) => new(default, new StoreError(kind, message));

    public static implicit operator StoreResult<T>(StoreError error) => new(default, error);
}
