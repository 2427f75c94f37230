namespace LambdaRoutes.Mapping;

/// <summary>
/// The request as the event carried it, independent of the payload format: the middle stage between
/// decoding an event (<see cref="EventDecoder"/>) and building the route's <see cref="ApiRequest"/>.
/// </summary>
internal sealed record HttpRequestData(
    ApiEventSource Source,
    string Method,
    string Path,
    string RawQuery,
    ParamMap Query,
    HeaderMap Headers,
    byte[] Body,
    bool BodyIsInvalidBase64,
    CallerIdentity Identity);
