using Signet.Admin.Tests.Support;

namespace Signet.Admin.Tests.Api;

/// <summary>Every endpoint × every caller, with the status each must get. Paths hold {placeholders} that
/// <see cref="ApiWorld.Resolve"/> fills with the seeded ids.</summary>
public static class RoleTable
{
    private const string Domain = "/api/domains/mine.example";
    private const string DomainTemplate = "/api/domains/{domain}";

    private static readonly string PublisherSecret = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());

    public static readonly string ImportPem = Signet.Testing.TestKeys.Ed25519.ExportPkcs8Pem();

    public static readonly string Message =
        "From: Alice <alice@mine.example>\r\nTo: bob@elsewhere.example\r\nSubject: hello\r\n\r\nHello.\r\n";

    public static IReadOnlyList<EndpointCase> Cases { get; } = Build();

    public static TheoryData<string, Role> Cells()
    {
        var data = new TheoryData<string, Role>();
        foreach (var endpoint in Cases)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                data.Add(endpoint.Name, role);
            }
        }

        return data;
    }

    public static int Expected(EndpointCase endpoint, Role role) => role switch
    {
        Role.Anonymous => endpoint.Anonymous,
        Role.ServerAdmin => endpoint.ServerAdmin,
        Role.OwnDomainAdmin => endpoint.OwnDomainAdmin,
        _ => endpoint.OtherDomainAdmin,
    };

    private static List<EndpointCase> Build()
    {
        var cases = new List<EndpointCase>
        {
            new("GET", "/api/domains", "/api/domains", null, 401, 200, 200, 200, AboutADomain: false),
            new("POST", "/api/domains", "/api/domains", """{"name":"new.example"}""", 401, 201, 403, 403, AboutADomain: false),
            new("GET", DomainTemplate, Domain, null, 401, 200, 200, 404),
            new("PATCH", DomainTemplate, Domain, """{"signingEnabled":false,"subdomains":"requireOwnKeys"}""", 401, 200, 200, 404),
            new("DELETE", DomainTemplate, Domain, null, 401, 204, 403, 404),
            new("GET", "/api/server", "/api/server", null, 401, 200, 200, 200, AboutADomain: false),
            new("PATCH", "/api/server", "/api/server", """{"serverSigningEnabled":false}""", 401, 200, 403, 403),
            new("GET", "/api/users", "/api/users", null, 401, 200, 200, 200, AboutADomain: false),
            new("POST", "/api/users", "/api/users", """{"name":"nina","role":"domainAdmin","password":"a long enough password","domains":["mine.example"]}""", 401, 201, 403, 403),
            new("PUT", "/api/users/{id}/domains", "/api/users/{uma}/domains", """{"domains":["theirs.example"]}""", 401, 200, 403, 403),
            new("PUT", "/api/users/{id}/password", "/api/users/{uma}/password", """{"password":"uma's brand new password"}""", 401, 204, 403, 403),
            new("DELETE", "/api/users/{id}", "/api/users/{uma}", null, 401, 204, 403, 403),
            new("POST", "/api/tokens", "/api/tokens", """{"description":"mine"}""", 401, 200, 200, 200, AboutADomain: false),
            new("POST", "/api/tokens", "/api/tokens#for-another", """{"userId":"{uma}","description":"theirs"}""", 401, 200, 403, 403),
            new("GET", "/api/tokens", "/api/tokens", null, 401, 200, 200, 200, AboutADomain: false),
            // Another user's token is not found for a domain admin: they cannot learn which tokens others hold.
            new("DELETE", "/api/tokens/{id}", "/api/tokens/{umatoken}", null, 401, 204, 404, 404, AboutADomain: false),
            new("GET", "/api/audit", "/api/audit", null, 401, 200, 200, 200, AboutADomain: false),
            new("POST", "/api/policy/explain", "/api/policy/explain", null, 401, 200, 200, 404, RawBody: Message),
            // Checking a message reads only public DNS records: anyone signed in may check any message.
            new("POST", "/api/check", "/api/check", null, 401, 200, 200, 200, AboutADomain: false, RawBody: Message),
            new("GET", "/api/publishers", "/api/publishers", null, 401, 200, 200, 200, AboutADomain: false),
            new("POST", "/api/publishers", "/api/publishers", $$"""{"name":"new-dns","primary":"127.0.0.2:53","zone":"mine.example","keyName":"k","secret":"{{PublisherSecret}}"}""", 401, 201, 403, 403),
            new("DELETE", "/api/publishers/{name}", "/api/publishers/spare-dns", null, 401, 204, 403, 403),
            new("GET", $"{DomainTemplate}/rotation", $"{Domain}/rotation", null, 401, 200, 200, 404),
            new("PUT", $"{DomainTemplate}/rotation", $"{Domain}/rotation", """{"publisher":"mine-dns","interval":"30.00:00:00","keyKinds":"both"}""", 401, 200, 200, 404),
            new("POST", $"{DomainTemplate}/rotation/run-now", $"{Domain}/rotation/run-now", null, 401, 200, 200, 404),
            new("POST", $"{DomainTemplate}/rotation/pause", $"{Domain}/rotation/pause", null, 401, 200, 200, 404),
            new("POST", $"{DomainTemplate}/rotation/resume", $"{Domain}/rotation/resume", null, 401, 200, 200, 404),
        };
        AddKeyCases(cases, DomainTemplate, Domain, domainAdmin: 200, otherAdmin: 404);
        AddKeyCases(cases, "/api/server", "/api/server", domainAdmin: 403, otherAdmin: 403);
        return cases;
    }

    /// <summary>The key endpoints under one owner; <paramref name="domainAdmin"/> is what the owner's domain admin
    /// gets on success paths (2xx) or 403 for the server, <paramref name="otherAdmin"/> what the other admin gets.</summary>
    private static void AddKeyCases(List<EndpointCase> cases, string template, string path, int domainAdmin, int otherAdmin)
    {
        string p = path == "/api/server" ? "server" : string.Empty;
        int Own(int success) => domainAdmin == 403 ? 403 : success;
        string importBody = $"{{\"selector\":\"imp1\",\"privateKey\":\"{System.Text.Json.JsonEncodedText.Encode(ImportPem)}\"}}";
        cases.AddRange(
        [
            new("GET", $"{template}/keys", $"{path}/keys", null, 401, 200, Own(200), otherAdmin),
            new("POST", $"{template}/keys", $"{path}/keys", """{"selector":"n1","algorithm":"ed25519"}""", 401, 201, Own(201), otherAdmin),
            new("POST", $"{template}/keys/import", $"{path}/keys/import", importBody, 401, 201, Own(201), otherAdmin),
            new("GET", $"{template}/keys/{{id}}", $"{path}/keys/{{{p}active}}", null, 401, 200, Own(200), otherAdmin),
            new("DELETE", $"{template}/keys/{{id}}", $"{path}/keys/{{{p}pending}}", null, 401, 204, Own(204), otherAdmin),
            new("POST", $"{template}/keys/{{id}}/activate", $"{path}/keys/{{{p}pending}}/activate?force=true", null, 401, 200, Own(200), otherAdmin),
            new("POST", $"{template}/keys/{{id}}/retire", $"{path}/keys/{{{p}active}}/retire", null, 401, 200, Own(200), otherAdmin),
            new("POST", $"{template}/keys/{{id}}/revoke", $"{path}/keys/{{{p}retiring}}/revoke", null, 401, 200, Own(200), otherAdmin),
            new("POST", $"{template}/keys/{{id}}/rotations", $"{path}/keys/{{{p}active}}/rotations", """{"newSelector":"n2"}""", 401, 201, Own(201), otherAdmin),
            new("GET", $"{template}/rotations", $"{path}/rotations", null, 401, 200, Own(200), otherAdmin),
            new("GET", $"{template}/keys/{{id}}/dns", $"{path}/keys/{{{p}active}}/dns", null, 401, 200, Own(200), otherAdmin),
            new("GET", $"{template}/keys/{{id}}/dns", $"{path}/keys/{{{p}active}}/dns?format=zone", null, 401, 200, Own(200), otherAdmin),
            new("POST", $"{template}/keys/{{id}}/dns/check", $"{path}/keys/{{{p}active}}/dns/check", null, 401, 200, Own(200), otherAdmin),
        ]);
    }
}
