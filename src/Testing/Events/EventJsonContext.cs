using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaRoutes.Events;

/// <summary>
/// Source-generated metadata for the event and response models (no reflection, AOT-safe): what the builders' <c>Build()</c>
/// reads their bytes back with, and what tests bind genuine events and the runtime's responses to. Options follow
/// Amazon.Lambda.Serialization.SystemTextJson (aws-lambda-dotnet Libraries/src/Amazon.Lambda.Serialization.SystemTextJson/AbstractLambdaJsonSerializer.cs): case-insensitive binding, nulls not written.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(APIGatewayProxyRequest))]
[JsonSerializable(typeof(APIGatewayProxyResponse))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyResponse))]
// AWS names both request contexts "ProxyRequestContext"; give the generator distinct property names.
[JsonSerializable(typeof(APIGatewayProxyRequest.ProxyRequestContext), TypeInfoPropertyName = "RestApiProxyRequestContext")]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext), TypeInfoPropertyName = "HttpApiV2ProxyRequestContext")]
internal sealed partial class EventJsonContext : JsonSerializerContext
{
    /// <summary>The wire instance: AWS's relaxed escaping on output (aws-lambda-dotnet Libraries/src/Amazon.Lambda.Serialization.SystemTextJson/AbstractLambdaJsonSerializer.cs), as the event writers use.</summary>
    public static EventJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
