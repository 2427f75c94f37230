namespace LambdaRoutes.Contracts.Routing;

/// <summary>
/// Maps a Next-form route to API Gateway resource paths (docs/architecture.md, https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html):
/// <c>[id]</c> → <c>{id}</c>; <c>[...slug]</c> → <c>{proxy+}</c> (one or more segments, as in Next);
/// <c>[[...slug]]</c> → the bare parent and <c>{proxy+}</c>, because a greedy variable never matches its bare parent.
/// </summary>
internal static class ApiGatewayPaths
{
    public static IReadOnlyList<string> For(IReadOnlyList<RouteSegment> segments)
    {
        var parts = segments.Select(s => s.ToGateway().Text).ToList();
        var path = "/" + string.Join('/', parts);
        if (segments.Count > 0 && segments[^1].Kind == SegmentKind.OptionalCatchAll)
        {
            var parent = "/" + string.Join('/', parts.Take(parts.Count - 1));
            return [parent, path];
        }

        return [path];
    }
}
