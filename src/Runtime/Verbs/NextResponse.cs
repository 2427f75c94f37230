using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using LambdaRoutes.Json;

namespace LambdaRoutes;

/// <summary>
/// Factories for <see cref="RouteResult"/>, reading like Next's <c>Response.json</c>, <c>NextResponse.redirect</c>,
/// <c>notFound()</c> (Next.js packages/next/src/server/route-modules/app-route/module.ts). Unlike the handler-style <see cref="ApiResponse"/>, these follow the App Router:
/// JSON is plain <c>application/json</c> and no ETag is added.
/// </summary>
/// <remarks>
/// Named after the App Router's <c>NextResponse</c> (Next.js packages/next/src/server/web/spec-extension/response.ts), so a
/// route reads like its Next.js twin, and so it does not clash with ASP.NET Core's <c>Results</c> when both are in scope.
/// </remarks>
public static class NextResponse
{
    /// <summary>The App Router's JSON content type: no charset (<c>Response.json</c> in Next.js test/e2e/app-dir/app-routes/app-custom-routes.test.ts).</summary>
    public const string JsonContentType = "application/json";

    /// <summary>A Web <c>Response</c> built from a string gets this content type.</summary>
    public const string TextContentType = "text/plain;charset=UTF-8";

    /// <summary>
    /// <paramref name="value"/> as JSON through the app's source-generated <c>JsonSerializerContext</c> (or the runtime's
    /// own for <c>JsonNode</c>, strings, numbers, <c>bool</c>): no reflection. An unregistered type fails with a message
    /// naming the <c>[JsonSerializable]</c> line to add (a logged 500).
    /// </summary>
    public static RouteResult Json<T>(T value, int status = 200) =>
        new(status, resolver => JsonSerializer.SerializeToUtf8Bytes(value, resolver.Get<T>()), false, JsonContentType);

    /// <summary><paramref name="value"/> as JSON with explicit metadata (e.g. <c>AppJson.Default.User</c>).</summary>
    public static RouteResult Json<T>(T value, JsonTypeInfo<T> typeInfo, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new(status, _ => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), false, JsonContentType);
    }

    /// <summary>A JSON node (or <c>null</c>) as JSON.</summary>
    public static RouteResult Json(JsonNode? value, int status = 200) =>
        new(status, _ => Encoding.UTF8.GetBytes(value is null ? "null" : JsonText.Write(value)), false, JsonContentType);

    /// <summary>Text, <c>text/plain;charset=UTF-8</c> unless <paramref name="contentType"/> says otherwise.</summary>
    public static RouteResult Text(string text, int status = 200, string contentType = TextContentType)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(status, _ => Encoding.UTF8.GetBytes(text), false, contentType);
    }

    /// <summary>Bytes, sent base64-encoded to API Gateway (binary).</summary>
    public static RouteResult Bytes(byte[] bytes, string contentType = "application/octet-stream", int status = 200)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new(status, _ => bytes, true, contentType);
    }

    /// <summary>A status with no body, e.g. <c>NextResponse.Status(202)</c>.</summary>
    public static RouteResult Status(int status) => new(status, null, false, null);

    /// <summary>204, no body.</summary>
    public static RouteResult NoContent() => Status(204);

    /// <summary>Next's <c>notFound()</c>: 404, empty body.</summary>
    public static RouteResult NotFound() => Status(404);

    /// <summary>
    /// Next's <c>redirect()</c> / <c>NextResponse.redirect(url, status)</c>: 307 by default, <c>Location</c>, empty body
    /// (Next.js test/e2e/app-dir/app-routes/app-custom-routes.test.ts). Only 301, 302, 303, 307 and 308 are redirects, as in Next.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Another status (Next: <c>RangeError … Invalid status code</c>).</exception>
    public static RouteResult Redirect(string url, int status = 307)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (status is not (301 or 302 or 303 or 307 or 308))
            throw new ArgumentOutOfRangeException(nameof(status), status, "Failed to execute \"redirect\" on \"response\": Invalid status code");
        return new RouteResult(status, null, false, null).WithHeader("Location", url);
    }

    /// <summary>Next's <c>permanentRedirect()</c>: 308.</summary>
    public static RouteResult PermanentRedirect(string url) => Redirect(url, 308);

    /// <summary>
    /// A streamed body (Next's <c>new Response(ReadableStream)</c>): <paramref name="write"/> runs after the status and
    /// headers are sent. On a route with <c>[RouteConfig(Streaming = true)]</c> each write reaches the client as it happens
    /// (Lambda response streaming, https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming); on other routes the writes are collected and sent as one body.
    /// </summary>
    public static RouteResult Stream(Func<ResponseStream, Task> write, string contentType = "application/octet-stream", int status = 200)
    {
        ArgumentNullException.ThrowIfNull(write);
        return new(status, null, false, contentType, write);
    }

    /// <summary>Server-sent events: <see cref="Stream"/> with <c>text/event-stream</c> and <c>Cache-Control: no-cache</c>.</summary>
    public static RouteResult EventStream(Func<ResponseStream, Task> write) =>
        Stream(write, "text/event-stream").WithHeader("Cache-Control", "no-cache");
}
