using System.Net.Http.Headers;
using System.Text;
using Signet.Admin.Tests.Api;

namespace Signet.Admin.Tests.Support;

/// <summary>Sends one <see cref="EndpointCase"/> as a caller and keeps the answer as text.</summary>
public sealed record ApiCall(int Status, string? ContentType, string Body)
{
    public static async Task<ApiCall> SendAsync(ApiWorld world, EndpointCase endpoint, Role role)
    {
        string path = world.Resolve(endpoint.Path);
        int fragment = path.IndexOf('#', StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), fragment < 0 ? path : path[..fragment]);
        if (endpoint.JsonBody is { } json)
        {
            request.Content = new StringContent(world.Resolve(json), Encoding.UTF8, "application/json");
        }
        else if (endpoint.RawBody is { } raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        }

        using var client = world.Client(role);
        using var response = await client.SendAsync(request);
        return new ApiCall((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }
}
