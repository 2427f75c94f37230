using System.Text;
using Microsoft.AspNetCore.Http;

namespace LambdaRoutes.Runtime.Tests.Support;

/// <summary>Answers a <c>QueuedRuntimeApi.Fault</c> gives in place of the real endpoints.</summary>
internal static class RuntimeApiFaults
{
    public static bool IsNext(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Value!.EndsWith("/invocation/next", StringComparison.Ordinal);

    /// <summary>Answers <paramref name="status"/> with a JSON body; true, for a fault that answered.</summary>
    public static async Task<bool> Answer(HttpContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
        return true;
    }

    public static async Task<string> BodyOf(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
