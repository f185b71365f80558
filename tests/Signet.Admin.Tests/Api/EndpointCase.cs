namespace Signet.Admin.Tests.Api;

/// <summary>One endpoint of the API as the role table exercises it: its OpenAPI template, a concrete request, and the
/// status each caller gets. <see cref="AboutADomain"/> marks requests about <c>mine.example</c> (or the server), which
/// the admin of another domain must never be allowed to make.</summary>
public sealed record EndpointCase(
    string Method,
    string Template,
    string Path,
    string? JsonBody,
    int Anonymous,
    int ServerAdmin,
    int OwnDomainAdmin,
    int OtherDomainAdmin,
    bool AboutADomain = true,
    string? RawBody = null)
{
    public string Name => $"{Method} {Path}";
}
