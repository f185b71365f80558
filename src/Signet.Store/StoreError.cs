namespace Signet.Store;

/// <summary>Why a store operation did not happen; each maps to one HTTP status and CLI exit code. These are the
/// expected outcomes of a request; the store itself failing is <see cref="StoreUnavailableException"/>.</summary>
public enum StoreErrorKind
{
    /// <summary>No such thing, or the actor may not know it exists (404).</summary>
    NotFound,

    /// <summary>The actor may see it but not do this (403).</summary>
    Forbidden,

    /// <summary>The request contradicts the current state: a duplicate, a wrong lifecycle step (409).</summary>
    Conflict,

    /// <summary>The input is unusable: bad name, weak key, unreadable PEM (400).</summary>
    Invalid,
}

/// <summary>A failed store operation with a message a person can act on.</summary>
public sealed record StoreError(StoreErrorKind Kind, string Message);
