using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Events;
using System.Text;

namespace LambdaRoutes.Local.Gateway;

/// <summary>What the dev server sends back to the client: status, headers (a name may repeat) and body.</summary>
internal sealed record GatewayResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>
    /// What API Gateway sends the client for a function's output (read by <see cref="ProxyResponseReader"/>), or null
    /// when it would reject the output: each <c>cookies[]</c> entry becomes a <c>Set-Cookie</c> header, and a response
    /// that names no content type gets API Gateway's default.
    /// </summary>
    public static GatewayResponse? FromFunction(ApiKind flavor, byte[] payload)
    {
        if (ProxyResponseReader.Read(flavor, payload, out _) is not { } read)
        {
            return null;
        }

        var headers = read.Headers.Concat(read.Cookies.Select(c => new KeyValuePair<string, string>("Set-Cookie", c))).ToList();
        if (!headers.Any(h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new("Content-Type", DefaultContentType(flavor)));
        }

        return new GatewayResponse(read.StatusCode, headers, read.Body);
    }

    /// <summary>
    /// What API Gateway sends when a response object names no content type. Recorded from real APIs in AWS's own test tool
    /// (aws/aws-lambda-dotnet, Tools/LambdaTestTool-v2/tests/Amazon.Lambda.TestTool.IntegrationTests/Snapshots/
    /// V2_SetsCorrectStatusCode.json and V1_DefaultsToCorrectContentTYpeRest.json): an HTTP API answers
    /// <c>text/plain; charset=utf-8</c>, a REST API <c>application/json</c>. (sam local sends application/json for both.)
    /// </summary>
    private static string DefaultContentType(ApiKind flavor) =>
        flavor == ApiKind.Rest ? "application/json" : "text/plain; charset=utf-8";

    /// <summary>API Gateway's own JSON answers; REST writes them with a space after the colon, HTTP API without.</summary>
    public static GatewayResponse Message(ApiKind flavor, int status, string message)
    {
        var json = flavor == ApiKind.Rest ? $"{{\"message\": \"{message}\"}}" : $"{{\"message\":\"{message}\"}}";
        return new GatewayResponse(status, [new("Content-Type", "application/json")], Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// No route for the path and method. An HTTP API answers 404 "Not Found"; a REST API answers every unknown resource or
    /// method with its <c>MISSING_AUTHENTICATION_TOKEN</c> gateway response: 403, and the error type in a header
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html).
    /// </summary>
    public static GatewayResponse NotFound(ApiKind flavor) => flavor == ApiKind.Rest
        ? new GatewayResponse(403,
            [new("Content-Type", "application/json"), new("x-amzn-ErrorType", "MissingAuthenticationTokenException")],
            Encoding.UTF8.GetBytes("{\"message\":\"Missing Authentication Token\"}"))
        : Message(flavor, 404, "Not Found");

    /// <summary>A function error, an init error, a crash or a malformed response (API Gateway's answers for it: https://docs.aws.amazon.com/apigateway/latest/developerguide/handle-errors-in-lambda-integration.html).</summary>
    public static GatewayResponse FunctionError(ApiKind flavor) => flavor == ApiKind.Rest
        ? Message(flavor, 502, "Internal server error")
        : Message(flavor, 500, "Internal Server Error");

    /// <summary>
    /// A streamed response whose prelude is unreadable (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): a 502 in both flavours, like REST's "Malformed
    /// Lambda proxy response", with the reason, since nothing else tells the developer what the runtime sent.
    /// </summary>
    public static GatewayResponse MalformedStream(string reason)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("message", "Malformed Lambda streaming response: " + reason);
            json.WriteEndObject();
        }

        return new GatewayResponse(502, [new("Content-Type", "application/json")], buffer.ToArray());
    }

    /// <summary>The function did not answer within its timeout.</summary>
    public static GatewayResponse Timeout(ApiKind flavor) => Message(flavor, 504, "Endpoint request timed out");

    /// <summary>The request was over the platform's payload limit (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).</summary>
    public static GatewayResponse TooLarge(ApiKind flavor) => Message(flavor, 413, "Request Entity Too Large");
}
