using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Support;

/// <summary>Sends a genuine fixture event (<see cref="Fixtures"/>) through one route, as the runtime would on Lambda.</summary>
internal static class FixtureInvocation
{
    // An optional catch-all matches every fixture's path, so a test sees the mapping and never a 404 or a 308.
    private const string AnyPath = "/[[...rest]]";

    /// <summary>Runs <paramref name="handle"/> on the fixture and returns what API Gateway would receive.</summary>
    public static Task<RouteTestResponse> SendAsync(string fixture, Action<ApiRequest, ApiResponse> handle) =>
        new RouteTester(new InlineRoute(handle), AnyPath).SendAsync(Fixtures.Event(fixture));

    /// <summary>Runs a route that answers "ok" on the fixture and returns the request the handler saw.</summary>
    public static async Task<(ApiRequest Request, RouteTestResponse Response)> CaptureAsync(string fixture)
    {
        ApiRequest? seen = null;
        var response = await SendAsync(fixture, (req, res) => { seen = req; res.Send("ok"); });
        Assert.True(seen is not null, $"handler did not run: {response.StatusCode} {response.Body}");
        return (seen!, response);
    }
}
