namespace LambdaRoutes.Mapping;

/// <summary>What <see cref="EventDecoder"/> made of the invocation payload.</summary>
internal abstract record DecodedEvent
{
    /// <summary>A REST API (v1) or HTTP API payload 1.0 event.</summary>
    public sealed record RestApi(APIGatewayProxyRequest Event) : DecodedEvent;

    /// <summary>An HTTP API 2.0 or function URL event.</summary>
    public sealed record HttpApi(APIGatewayHttpApiV2ProxyRequest Event, bool IsFunctionUrl) : DecodedEvent;

    /// <summary>The payload is not JSON (or not UTF-8).</summary>
    public sealed record InvalidJson(string Reason) : DecodedEvent;

    /// <summary>Valid JSON that is none of the supported event shapes.</summary>
    public sealed record UnknownShape(string Reason) : DecodedEvent;
}
