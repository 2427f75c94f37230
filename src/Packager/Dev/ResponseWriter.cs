using LambdaRoutes.Cdk;
using LambdaRoutes.Local.Gateway;
using Microsoft.AspNetCore.Http;

namespace LambdaRoutes.Packager.Dev;

/// <summary>Writes a <see cref="GatewayResponse"/> to Kestrel, with the request-id headers API Gateway adds to every answer.</summary>
internal static class ResponseWriter
{
    /// <summary>Framing headers belong to the local connection, not to the function's answer.</summary>
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade",
    };

    public static async Task WriteAsync(HttpContext context, GatewayResponse response, ApiKind flavor, string requestId)
    {
        var http = context.Response;
        http.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            http.Headers.Append(name, value);
        }

        if (flavor == ApiKind.Rest)
        {
            http.Headers["x-amzn-RequestId"] = requestId;
            http.Headers["x-amz-apigw-id"] = GatewayIdentifiers.HttpApiRequestId();
        }
        else
        {
            http.Headers["apigw-requestid"] = requestId;
        }

        http.ContentLength = response.Body.Length;
        if (!HttpMethods.IsHead(context.Request.Method) && response.Body.Length > 0)
        {
            await http.Body.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}
