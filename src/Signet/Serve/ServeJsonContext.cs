using System.Text.Json.Serialization;

namespace Signet.Serve;

/// <summary>The JSON serve writes outside the API (<c>/health</c>), with a serializer generated at build time: Native
/// AOT cannot serialize by reflection. The names are the records' own <c>JsonPropertyName</c>s.</summary>
[JsonSerializable(typeof(HealthEndpoint.HealthReport))]
public sealed partial class ServeJsonContext : JsonSerializerContext;
