using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Signet.Reliability.Tests.Security;

/// <summary>Hostile bodies on every write route of the console and the API (read from the host's endpoints, as the
/// endpoint table is): malformed JSON, a field far over its bound, a body that is not what it claims to be. Each is
/// refused with a 4xx and a reason, never a 500. The console's message check refuses more than 10 MB in words.</summary>
public sealed class RequestBodyBoundsTests
{
    private const int OversizedField = 5 * 1024 * 1024;

    [Fact]
    public async Task EveryWriteRoute_HostileBodies_AreRefusedWithoutA500()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = new ConsoleSession(world.Address);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(SecurityWorld.UserName(Caller.ServerAdmin), SecurityWorld.Password)).StatusCode);
        using var api = new HttpClient { BaseAddress = world.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", world.Tokens[Caller.ServerAdmin]);

        var problems = new List<string>();
        foreach (var (method, pattern) in EndpointTableTests.Enumerate(world.Services).Where(e => e.Method is "POST" or "PUT" or "PATCH"))
        {
            string path = world.Fill(pattern);
            bool isApi = path.StartsWith("/api", StringComparison.Ordinal);
            string token = isApi ? string.Empty : await session.FormTokenAsync();
            foreach (var (name, body) in Bodies(token, isApi))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body };
                using var response = await (isApi ? api : session.Client).SendAsync(request);
                string text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    problems.Add($"{method} {pattern} with {name}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task CheckPage_MessageOverTenMegabytes_IsRefusedInWords()
    {
        await using var world = await SecurityWorld.StartAsync();
        using var session = new ConsoleSession(world.Address);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(SecurityWorld.UserName(Caller.ServerAdmin), SecurityWorld.Password)).StatusCode);

        foreach (bool upload in new[] { false, true })
        {
            string token = await session.FormTokenAsync("/check");
            string message = "From: a@mine.example\r\n\r\n" + new string('x', 10 * 1024 * 1024 + 1);
            HttpContent content = upload
                ? new MultipartFormDataContent { { new StringContent(token), ConsoleSession.FormField }, { new ByteArrayContent(Encoding.ASCII.GetBytes(message)), "file", "big.eml" } }
                : new FormUrlEncodedContent([new(ConsoleSession.FormField, token), new("message", message)]);
            using var response = await session.Client.PostAsync("/check", content);
            string page = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"upload {upload}: {(int)response.StatusCode} {page[..Math.Min(300, page.Length)]}");
            Assert.Contains("larger than 10 MB", page, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<(string Name, HttpContent Body)> Bodies(string token, bool api)
    {
        string huge = new('a', OversizedField);
        if (api)
        {
            yield return ("malformed JSON", new StringContent("{\"selector\": ", Encoding.UTF8, "application/json"));
            yield return ("JSON of the wrong shape", new StringContent("[1, 2, {\"name\": []}]", Encoding.UTF8, "application/json"));
            yield return ("an oversized JSON field", new StringContent($"{{\"selector\":\"{huge}\",\"name\":\"{huge}\",\"description\":\"{huge}\"}}", Encoding.UTF8, "application/json"));
            yield return ("a form instead of JSON", new FormUrlEncodedContent([new("selector", "s1")]));
            yield break;
        }

        yield return ("an oversized form field", new FormUrlEncodedContent([new(ConsoleSession.FormField, token), new("selector", huge), new("name", huge)]));
        yield return ("too many form fields", new StringContent(ConsoleSession.FormField + "=" + Uri.EscapeDataString(token) + string.Concat(Enumerable.Repeat("&f=1", 20_000)),
            Encoding.ASCII, "application/x-www-form-urlencoded"));
        yield return ("a multipart body cut short", Multipart("--cut\r\nContent-Disposition: form-data; name=\"selector\"\r\n\r\ns1"));
        yield return ("a multipart body without its boundary", Multipart("not multipart at all"));
        yield return ("plain text", new StringContent("selector=s1", Encoding.UTF8, "text/plain"));
        yield return ("JSON", new StringContent("{\"selector\":", Encoding.UTF8, "application/json"));
    }

    private static ByteArrayContent Multipart(string text)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");
        return content;
    }
}
