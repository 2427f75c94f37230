namespace LambdaRoutes.RuntimeApi;

/// <summary>One HTTP response from the Runtime API, fully read.</summary>
internal sealed record RuntimeHttpResponse(int StatusCode, HeaderMap Headers, byte[] Body);
