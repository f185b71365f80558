using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Signet.Store;

namespace Signet.Admin.Api;

/// <summary>Every API error as RFC 9457 problem details, with a sentence a person can act on as <c>detail</c>. The one
/// mapping from <see cref="StoreErrorKind"/> to an HTTP status lives here.</summary>
public static class ApiProblems
{
    public static int StatusFor(StoreErrorKind kind) => kind switch
    {
        StoreErrorKind.NotFound => StatusCodes.Status404NotFound,
        StoreErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        StoreErrorKind.Conflict => StatusCodes.Status409Conflict,
        StoreErrorKind.Invalid => StatusCodes.Status400BadRequest,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ProblemHttpResult From(StoreError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Problem(detail: error.Message, statusCode: StatusFor(error.Kind), title: TitleFor(error.Kind));
    }

    /// <summary>The request itself is unusable (a missing field, an unknown format name).</summary>
    public static ProblemHttpResult Invalid(string detail) => From(new StoreError(StoreErrorKind.Invalid, detail));

    public static ProblemHttpResult NotFound(string detail) => From(new StoreError(StoreErrorKind.NotFound, detail));

    /// <summary>The store itself cannot answer (<see cref="StoreUnavailableException"/>): 503 with its reason.</summary>
    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Store unavailable");

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated");

    private static string TitleFor(StoreErrorKind kind) => kind switch
    {
        StoreErrorKind.NotFound => "Not found",
        StoreErrorKind.Forbidden => "Not allowed",
        StoreErrorKind.Conflict => "Conflicts with the current state",
        StoreErrorKind.Invalid => "Unusable request",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
