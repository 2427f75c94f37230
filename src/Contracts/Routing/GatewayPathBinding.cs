namespace LambdaRoutes.Contracts.Routing;

/// <summary>
/// Binds a raw request path to an API Gateway path template the way API Gateway does
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html,
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html): literals compare
/// case-sensitively, a <c>{variable}</c> takes one non-empty segment, a greedy <c>{name+}</c> one or more (so
/// <c>/api/posts/{proxy+}</c> never matches <c>/api/posts</c>) and keeps a trailing slash; a trailing slash is tolerated
/// on a non-greedy template (as <c>sam local</c> does, aws-sam-cli samcli/local/apigw/local_apigw_service.py), so the
/// function sees it and answers Next's 308 itself. The local API Gateway picks its route with it; the Testing kit fills
/// an event's path parameters with it.
/// </summary>
internal static class GatewayPathBinding
{
    /// <summary>The template's variables bound to raw (still percent-encoded) segments, or null when the path does not match.</summary>
    public static IReadOnlyDictionary<string, string>? Bind(IReadOnlyList<GatewaySegment> template, string rawPath)
    {
        var segments = rawPath.TrimStart('/').Split('/');
        if (segments is [""])
        {
            segments = [];
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (template.Count > 0 && template[^1].Kind == GatewaySegmentKind.Greedy)
        {
            var fixedCount = template.Count - 1;
            // One or more segments for the greedy variable: the rest must not be empty.
            if (segments.Length <= fixedCount || (segments.Length == fixedCount + 1 && segments[^1].Length == 0))
            {
                return null;
            }

            if (!BindFixed(template, segments, fixedCount, parameters))
            {
                return null;
            }

            parameters[template[^1].Name] = string.Join('/', segments[fixedCount..]);
            return parameters;
        }

        if (segments.Length == template.Count + 1 && segments[^1].Length == 0)
        {
            segments = segments[..^1];
        }

        return segments.Length == template.Count && BindFixed(template, segments, template.Count, parameters) ? parameters : null;
    }

    private static bool BindFixed(IReadOnlyList<GatewaySegment> template, string[] segments, int count, Dictionary<string, string> parameters)
    {
        for (var i = 0; i < count; i++)
        {
            if (template[i].IsVariable)
            {
                if (segments[i].Length == 0)
                {
                    return false;
                }

                parameters[template[i].Name] = segments[i];
            }
            else if (!string.Equals(template[i].Text, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
