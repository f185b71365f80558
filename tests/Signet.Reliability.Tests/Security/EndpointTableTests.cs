using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Signet.Store.Access;
using Signet.Testing;

namespace Signet.Reliability.Tests.Security;

/// <summary>Every endpoint the console and the API map (read from the host's endpoint data source, so a new one
/// cannot be missed) × every caller: nobody gets past sign-in without credentials, a domain admin gets nothing of
/// another domain, only server admins reach server pages. Every console answer carries the security headers, and
/// no answer carries a private key, a token or a password hash. The table is written to docs/security.md.</summary>
public sealed class EndpointTableTests
{
    private static readonly Caller[] Callers = [Caller.Anonymous, Caller.OtherDomainAdmin, Caller.OwnDomainAdmin, Caller.ServerAdmin];

    [Fact]
    public async Task EveryEndpointAndCaller_AuthenticationAndScopeHold_AndTheTableIsWritten()
    {
        IReadOnlyList<(string Method, string Pattern)> endpoints;
        await using (var probe = await SecurityWorld.StartAsync())
        {
            endpoints = Enumerate(probe.Services);
        }

        // Every cell gets a world of its own (an allowed call may change what the next caller would see: a key
        // deleted), so cells are independent and run a few at a time; the table keeps the endpoints' order.
        var cells = new string[endpoints.Count, Callers.Length];
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        var cellIndexes = Enumerable.Range(0, endpoints.Count).SelectMany(e => Enumerable.Range(0, Callers.Length).Select(c => (e, c)));
        await Parallel.ForEachAsync(cellIndexes, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount * 2) }, async (index, cancellationToken) =>
        {
            var (method, pattern) = endpoints[index.e];
            var caller = Callers[index.c];
            var scope = ScopeOf(method, pattern);
            await using var world = await SecurityWorld.StartAsync();
            var secrets = await SecretsAsync(world);
            using var response = await CallAsync(world, caller, method, world.Fill(pattern, caller));
            string body = await response.Content.ReadAsStringAsync(cancellationToken);
            bool denied = IsDenied(pattern, response);
            string cell = cells[index.e, index.c] = Cell(response);
            bool mayPass = caller switch
            {
                Caller.Anonymous => scope == Scope.Public,
                Caller.OtherDomainAdmin => scope is Scope.Public or Scope.SignedIn,
                Caller.OwnDomainAdmin => scope is Scope.Public or Scope.SignedIn or Scope.Domain,
                _ => true,
            };
            if (!mayPass && !denied)
            {
                problems.Add($"{method} {pattern} as {caller}: {cell} (scope {scope}) was not refused");
            }

            if (mayPass && denied && scope != Scope.Public)
            {
                problems.Add($"{method} {pattern} as {caller}: {cell} (scope {scope}) was refused");
            }

            foreach (string secret in secrets.Where(s => body.Contains(s, StringComparison.Ordinal)))
            {
                problems.Add($"{method} {pattern} as {caller}: the answer holds a secret ({secret[..12]}…)");
            }

            if (!pattern.StartsWith("/api", StringComparison.Ordinal))
            {
                // Stylesheet and script are the same for everybody and may be cached.
                foreach (string header in SecurityHeaders.Missing(response, cacheable: pattern.StartsWith("/assets/", StringComparison.Ordinal)))
                {
                    problems.Add($"{method} {pattern} as {caller}: no {header} header");
                }
            }
        });

        var rows = endpoints
            .Select((endpoint, e) => $"| {endpoint.Method} | `{endpoint.Pattern}` | {ScopeOf(endpoint.Method, endpoint.Pattern)} | {string.Join(" | ", Callers.Select((_, c) => cells[e, c]))} |")
            .ToList();
        SecurityTable.WriteEndpoints(rows);
        Assert.True(endpoints.Count >= 40, $"only {endpoints.Count} endpoints were found");
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order(StringComparer.Ordinal)));
    }

    internal static IReadOnlyList<(string Method, string Pattern)> Enumerate(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();

    internal enum Scope
    {
        Public,
        SignedIn,
        Domain,
        Server,
    }

    /// <summary>The access each endpoint needs, by the rules the docs state: the API's and the console's own pages
    /// for sign-in, set-up and assets are public; whatever names a domain is that domain's; creating and removing
    /// domains, users, the server settings and the server key are the server admin's.</summary>
    internal static Scope ScopeOf(string method, string route)
    {
        string pattern = route.Length > 1 ? route.TrimEnd('/') : route;
        if (pattern.EndsWith("/rotations/advance", StringComparison.Ordinal))
        {
            // Advances the rotations of whatever the actor may manage, whichever page it is posted from.
            return pattern.StartsWith("/server", StringComparison.Ordinal) ? Scope.Server : Scope.SignedIn;
        }

        bool api = pattern.StartsWith("/api/", StringComparison.Ordinal);
        if ((!api && (pattern is "/" or "/signin" or "/signout" || pattern.StartsWith("/setup", StringComparison.Ordinal) || pattern.StartsWith("/assets/", StringComparison.Ordinal)))
            || pattern == "/api/openapi.json")
        {
            return Scope.Public;
        }

        if (pattern.StartsWith("/server", StringComparison.Ordinal) || pattern.StartsWith("/api/server/", StringComparison.Ordinal)
            || (pattern == "/api/server" && method != "GET")
            || (pattern == "/api/domains" && method == "POST")
            || (pattern == "/api/domains/{domain}" && method == "DELETE")
            || (pattern.StartsWith("/api/publishers", StringComparison.Ordinal) && method != "GET")
            || (pattern.StartsWith("/api/users", StringComparison.Ordinal) && method != "GET"))
        {
            return Scope.Server;
        }

        // The policy explanation is about the From domain of the message posted, here mine.example.
        return pattern.Contains("{domain}", StringComparison.Ordinal) || pattern == "/api/policy/explain" ? Scope.Domain : Scope.SignedIn;
    }

    internal static async Task<HttpResponseMessage> CallAsync(SecurityWorld world, Caller caller, string method, string path)
    {
        bool api = path.StartsWith("/api", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (api)
        {
            using var client = new HttpClient { BaseAddress = world.Address };
            if (caller != Caller.Anonymous)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", world.Tokens[caller]);
            }

            if (PathOf(path) is "/api/policy/explain" or "/api/check")
            {
                request.Content = new StringContent("From: alice@mine.example\r\nSubject: hello\r\n\r\nHello.\r\n", Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
            }
            else if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent(JsonBody(method, path, world), Encoding.UTF8, "application/json");
            }

            return await client.SendAsync(request);
        }

        var session = new ConsoleSession(world.Address);
        if (caller != Caller.Anonymous)
        {
            using var signedIn = await session.SignInAsync(SecurityWorld.UserName(caller), SecurityWorld.Password);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        if (method == "POST")
        {
            var fields = new Dictionary<string, string> { [ConsoleSession.FormField] = await session.FormTokenAsync() };
            if (path.EndsWith("/import", StringComparison.Ordinal))
            {
                fields["selector"] = "imp1";
                fields["pem"] = ImportPem;
            }

            request.Content = new FormUrlEncodedContent(fields);
        }

        var response = await session.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        session.Dispose();
        return response;
    }

    private static readonly string ImportPem = TestKeys.Ed25519.ExportPkcs8Pem();

    private static string PathOf(string path) => path.Split('?')[0].TrimEnd('/');

    /// <summary>A body the endpoint accepts, so that what answers is the access check and not input validation.</summary>
    private static string JsonBody(string method, string path, SecurityWorld world)
    {
        string p = PathOf(path);
        return p switch
        {
            _ when p.EndsWith("/keys/import", StringComparison.Ordinal) => $"{{\"selector\":\"imp1\",\"privateKey\":\"{System.Text.Json.JsonEncodedText.Encode(ImportPem)}\"}}",
            _ when p.EndsWith("/keys", StringComparison.Ordinal) => """{"selector":"n1","algorithm":"ed25519"}""",
            _ when p.EndsWith("/rotations", StringComparison.Ordinal) => """{"newSelector":"n2"}""",
            "/api/users" => """{"name":"nina","role":"domainAdmin","password":"a long enough password","domains":["mine.example"]}""",
            _ when p.EndsWith("/domains", StringComparison.Ordinal) && method == "PUT" => """{"domains":["theirs.example"]}""",
            "/api/domains" => """{"name":"new.example"}""",
            "/api/tokens" => """{"description":"mine"}""",
            _ when p.EndsWith("/password", StringComparison.Ordinal) => """{"password":"a brand new long password"}""",
            "/api/server" => """{"serverSigningEnabled":false}""",
            "/api/publishers" => $$"""{"name":"new-dns","primary":"127.0.0.2:53","zone":"mine.example","keyName":"k","secret":"{{SecurityWorld.PublisherSecret}}"}""",
            _ when p.EndsWith("/rotation", StringComparison.Ordinal) => """{"publisher":"mine-dns","interval":"30.00:00:00"}""",
            _ when p.StartsWith("/api/domains/", StringComparison.Ordinal) => """{"signingEnabled":false}""",
            _ => "{}",
        };
    }

    /// <summary>Private keys (PKCS#8 DER in base64, PEM lines), the API tokens and the password hashes of the world.</summary>
    internal static async Task<IReadOnlyList<string>> SecretsAsync(SecurityWorld world)
    {
        var secrets = new List<string>(world.Tokens.Values) { SecurityWorld.PublisherSecret };
        foreach (var id in world.Ids.Where(i => i.Key.EndsWith("active", StringComparison.Ordinal) || i.Key.EndsWith("pending", StringComparison.Ordinal)))
        {
            string pem = (await world.Store.ExportPrivateKeyPemAsync(Actor.LocalAdministrator, id.Value, CancellationToken.None)).Value!;
            var lines = pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).ToList();
            secrets.Add(string.Concat(lines));
            secrets.AddRange(lines.Where(l => l.Length >= 40));
            byte[] der = Convert.FromBase64String(string.Concat(lines));
            secrets.Add(Convert.ToBase64String(der.AsSpan(der.Length - 32)));
        }

        using var connection = new SqliteConnection($"Data Source={world.Store.Options.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT password_hash FROM users UNION ALL SELECT hash FROM tokens";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            secrets.Add(reader.GetString(0));
        }

        return secrets;
    }

    private static bool IsDenied(string pattern, HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        if (pattern.StartsWith("/api", StringComparison.Ordinal))
        {
            return status is 401 or 403 or 404;
        }

        return status is 403 or 404 || (status == 302 && response.Headers.Location?.OriginalString.StartsWith("/signin?returnUrl=", StringComparison.Ordinal) == true);
    }

    private static string Cell(HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        string? location = response.Headers.Location?.OriginalString;
        return status is >= 300 and < 400 && location is not null ? $"{status} → `{location.Split('?')[0]}`" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
