namespace Signet.Admin.Api.Access;

/// <summary>The names the API token scheme is known by.</summary>
public static class ApiTokenAuthentication
{
    /// <summary>The authentication scheme of <c>Authorization: Bearer sgt_…</c> API tokens.</summary>
    public const string Scheme = "SignetApiToken";

    public const string BearerPrefix = "Bearer ";
}
