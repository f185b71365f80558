using System.Text;
using System.Text.Json;

namespace Signet.Admin.Tests.Support;

/// <summary>Request bodies written as the JSON a client sends, and answers read as documents: serialization by
/// reflection is off in every build (the product's JSON is generated), so tests do not lean on it either.</summary>
internal static class JsonBody
{
    public static StringContent Of(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary><paramref name="value"/> as a JSON string literal, quotes included.</summary>
    public static string Text(string value) => "\"" + JsonEncodedText.Encode(value) + "\"";

    public static async Task<JsonElement> ReadAsync(HttpContent content) =>
        JsonDocument.Parse(await content.ReadAsStringAsync()).RootElement.Clone();
}
