using LambdaRoutes;

namespace Hello.Api;

/// <summary>
/// <c>/api/events</c>: server-sent events through Lambda response streaming. Each tick reaches the client as it is
/// written (function URL <c>RESPONSE_STREAM</c> or REST <c>ResponseTransferMode</c> STREAM, wired by the CDK construct;
/// <c>lambda-routes dev</c> streams too). <c>?count=</c> ticks (1–20, default 3), <c>?delayMs=</c> apart (default 200).
/// </summary>
[RouteConfig(Streaming = true, Timeout = 30)]
public static class Events
{
    public static RouteResult GET(ApiRequest req)
    {
        var count = Math.Clamp(int.TryParse(req.Query["count"], out var c) ? c : 3, 1, 20);
        var delay = Math.Clamp(int.TryParse(req.Query["delayMs"], out var d) ? d : 200, 0, 5000);
        return NextResponse.EventStream(async stream =>
        {
            for (var i = 1; i <= count; i++)
            {
                if (i > 1) await Task.Delay(delay);
                await stream.WriteEventAsync($"{{\"tick\":{i}}}", "tick");
            }
        });
    }
}
