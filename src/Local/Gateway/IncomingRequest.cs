using LambdaRoutes.Contracts.Events;

namespace LambdaRoutes.Local.Gateway;

/// <summary>
/// An HTTP request as the dev server received it, before it becomes an API Gateway event.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawPath">The path exactly as sent, percent-encoding kept (REST's <c>path</c>, https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).</param>
/// <param name="RawQuery">The query string as sent, without the <c>?</c>.</param>
/// <param name="Headers">Every header value, in order; a repeated header appears once per value.</param>
/// <param name="Body">The body bytes (empty when there is none).</param>
/// <param name="SourceIp">The client address.</param>
/// <param name="Protocol">E.g. <c>HTTP/1.1</c>.</param>
/// <param name="Host">The Host header (the API's domain name).</param>
/// <param name="LocalPort">The port the request came in on (<c>x-forwarded-port</c>).</param>
/// <param name="Time">When it arrived.</param>
internal sealed record IncomingRequest(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string SourceIp,
    string Protocol,
    string Host,
    int LocalPort,
    DateTimeOffset Time)
{
    public string? Header(string name) => HeaderList.First(Headers, name);
}
