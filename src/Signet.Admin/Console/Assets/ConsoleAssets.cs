using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Signet.Admin.Console.Assets;

/// <summary>The stylesheet and the script, shipped inside the assembly (no CDN, no web font) and served with an ETag.</summary>
public static class ConsoleAssets
{
    private static readonly Lazy<(byte[] Bytes, string ETag)> Stylesheet = new(() => Load("console.css"));
    private static readonly Lazy<(byte[] Bytes, string ETag)> Script = new(() => Load("console.js"));

    public static void Map(RouteGroupBuilder anyone)
    {
        anyone.MapGet(ConsoleRoutes.Stylesheet, (HttpContext c) => Serve(c, Stylesheet.Value, "text/css; charset=utf-8"));
        anyone.MapGet(ConsoleRoutes.Script, (HttpContext c) => Serve(c, Script.Value, "text/javascript; charset=utf-8"));
    }

    private static IResult Serve(HttpContext context, (byte[] Bytes, string ETag) asset, string contentType)
    {
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Bytes, contentType);
    }

    private static (byte[], string) Load(string name)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("Signet.Admin.Console.Assets." + name)
            ?? throw new InvalidOperationException($"the console asset {name} is not embedded in the assembly");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        byte[] bytes = buffer.ToArray();
        return (bytes, "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
    }
}
