using LambdaRoutes;

namespace AotFixture;

/// <summary>
/// Echoes the request body at API Gateway's payload limit, for the memory test: binary bodies (base64 in the event)
/// go back as bytes (base64 in the answer), text goes back as text.
/// </summary>
public sealed class AotPayloadRoute : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        if (req.Headers["content-type"] == "application/octet-stream") res.Send(req.Body.Bytes.ToArray());
        else res.Send(req.Body.Text);
        return Task.CompletedTask;
    }
}
