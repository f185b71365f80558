using System.Text.Json;

namespace Signet.Cli;

/// <summary>The JSON of every <c>--json</c> listing: the API's own views with the API's serializer settings (camelCase
/// names, RFC 3339 times), so a script reads the same fields from <c>signet … --json</c> and from <c>/api</c>.</summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
