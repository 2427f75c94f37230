using System.Text.Json.Serialization;

namespace BenchApp;

/// <summary>The request body of <c>/api/echo</c>.</summary>
public sealed record EchoInput(string Name, int Count);

/// <summary>The response of <c>/api/echo</c>.</summary>
public sealed record EchoOutput(string Message, int Count, string Session);

/// <summary>The app's source-generated JSON context (camelCase, like the Node.js peer's JSON).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EchoInput))]
[JsonSerializable(typeof(EchoOutput))]
public sealed partial class BenchJson : JsonSerializerContext;
