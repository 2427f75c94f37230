namespace LambdaRoutes.RuntimeApi;

/// <summary>One HTTP response from the Runtime API, fully read.</summary>
internal sealed record RuntimeHttpResponse(int StatusCode, RuntimeHttpHeaders Headers, byte[] Body);
