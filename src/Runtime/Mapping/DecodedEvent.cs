namespace LambdaRoutes.Mapping;

/// <summary>What <see cref="EventDecoder"/> made of the invocation payload.</summary>
internal abstract record DecodedEvent
{
    /// <summary>
    /// An API Gateway request: REST (v1) or HTTP API payload 1.0 when <see cref="HttpRequestData.Source"/> is
    /// <see cref="ApiEventSource.RestApi"/>, HTTP API 2.0 or a function URL otherwise.
    /// </summary>
    public sealed record Request(HttpRequestData Data) : DecodedEvent;

    /// <summary>The payload is not JSON (or not UTF-8).</summary>
    public sealed record InvalidJson(string Reason) : DecodedEvent;

    /// <summary>Valid JSON that is none of the supported event shapes.</summary>
    public sealed record UnknownShape(string Reason) : DecodedEvent;
}
