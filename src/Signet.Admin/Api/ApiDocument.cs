using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Signet.Admin.Api;

/// <summary>The OpenAPI document of the API: only the <c>/api</c> endpoints, with the bearer token scheme.</summary>
public static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Signet",
                Version = "1",
                Description = "Domains, DKIM keys and their lifecycle, users, tokens, the audit log and the signing policy. "
                    + "Authenticate with \"Authorization: Bearer sgt_…\". Errors are RFC 9457 problem details whose detail says what to do. "
                    + "Private keys never leave through this API.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token (sgt_…) from signet token create or POST /api/tokens",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
            return Task.CompletedTask;
        });
    }
}
