using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LambdaRoutes.Json;

/// <summary>
/// JSON metadata the runtime brings itself, so <c>res.Json(...)</c> works with no app set-up for
/// <see cref="JsonNode"/> values and JSON scalars (a <see cref="JsonNode"/> needs no registration in the app's context, docs/architecture.md).
/// </summary>
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(JsonValue))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
