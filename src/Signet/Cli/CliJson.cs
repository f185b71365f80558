using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Signet.Admin.Api;

namespace Signet.Cli;

/// <summary>The JSON of every <c>--json</c> listing: the API's own views with the API's serializer settings (camelCase
/// names, RFC 3339 times), so a script reads the same fields from <c>signet … --json</c> and from <c>/api</c>. The
/// serializers are the API's generated ones (<see cref="ApiJsonContext"/>): no reflection, which Native AOT lacks.</summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { TypeInfoResolver = ApiJsonContext.Default };

    /// <summary>The generated serializer of <typeparamref name="T"/>; a type missing from the context throws
    /// <see cref="NotSupportedException"/> naming it.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
