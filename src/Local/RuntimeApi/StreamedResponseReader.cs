using LambdaRoutes.Local.Instances;
using Microsoft.AspNetCore.Http;

namespace LambdaRoutes.Local.RuntimeApi;

/// <summary>
/// Reads a streamed <c>POST /response</c> (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming) into its <see cref="StreamedResponse"/> piece by piece, as
/// Kestrel receives the chunks, then ends the invocation with the outcome its trailers report.
/// </summary>
internal static class StreamedResponseReader
{
    public const string ErrorTypeTrailer = "Lambda-Runtime-Function-Error-Type";
    public const string ErrorBodyTrailer = "Lambda-Runtime-Function-Error-Body";

    public static async Task ReadAsync(HttpContext context, IRuntimeApiBackend backend, string requestId, StreamedResponse response)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
                if (total > response.Limit)
                {
                    var message = $"Response payload size exceeded maximum allowed payload size ({response.Limit} bytes).";
                    backend.EndStream(requestId, "Function.ResponseSizeTooLarge", ErrorJson.Create("Function.ResponseSizeTooLarge", message));
                    await RuntimeApiEndpoints.WriteErrorAsync(context, 413, "RequestEntityTooLarge", message);
                    return;
                }

                // A copy: the buffer is reused, the reader may still hold the previous piece.
                if (!await response.WriteAsync(buffer.AsMemory(0, read).ToArray(), context.RequestAborted))
                {
                    await RuntimeApiEndpoints.WriteErrorAsync(context, 400, "InvalidRequestID", $"Invalid request ID: {requestId} is no longer in flight");
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The connection broke before the last chunk (the runtime crashed or was killed): the body is cut short.
            backend.EndStream(requestId, "Runtime.TruncatedResponse",
                ErrorJson.Create("Runtime.TruncatedResponse", $"The streamed response was cut off after {total} bytes: {ex.Message}"));
            return;
        }

        var error = TrailerError(context);
        if (backend.EndStream(requestId, error?.Type, error?.Body))
        {
            await RuntimeApiEndpoints.WriteAcceptedAsync(context);
        }
        else
        {
            await RuntimeApiEndpoints.WriteErrorAsync(context, 400, "InvalidRequestID", $"Invalid request ID: {requestId} is no longer in flight");
        }
    }

    /// <summary>
    /// A streamed response that failed mid-way reports the error in trailers, the body base64-encoded (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming).
    /// Null when the stream succeeded.
    /// </summary>
    public static (string Type, byte[] Body)? TrailerError(HttpContext context)
    {
        var request = context.Request;
        if (!request.SupportsTrailers() || !request.CheckTrailersAvailable())
        {
            return null;
        }

        var type = request.GetTrailer(ErrorTypeTrailer).ToString();
        if (type.Length == 0)
        {
            return null;
        }

        var encoded = request.GetTrailer(ErrorBodyTrailer).ToString();
        try
        {
            return (type, Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return (type, ErrorJson.Create(type, "The streamed response failed; its error body was not base64."));
        }
    }
}
