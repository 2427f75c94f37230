using LambdaRoutes;

namespace BenchApp.Api;

/// <summary>
/// <c>/api/payload</c>: the memory bench's route (bench/driver/PayloadMemory.cs). Echoes the request body at up to
/// Lambda's 6 MB payload limit, at 128 MB: binary bodies (base64 in the event) go back as bytes (base64 in the answer),
/// text as text; so one invocation is a large request and an equally large response.
/// </summary>
[RouteConfig(MemorySize = 128, BodySizeLimit = "6mb")]
public sealed class Payload : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        if (req.Headers["content-type"] == "application/octet-stream") res.Send(req.Body.Bytes.ToArray());
        else res.Send(req.Body.Text);
        return Task.CompletedTask;
    }
}
