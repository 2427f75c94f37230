namespace LambdaRoutes.Contracts.Routing;

/// <summary>What one API Gateway path segment matches: itself, one segment (<c>{id}</c>), or one or more (<c>{proxy+}</c>).</summary>
internal enum GatewaySegmentKind
{
    Literal,
    Variable,
    Greedy,
}

/// <summary>
/// One segment of an API Gateway path template as the construct wires it and the local API Gateway matches it
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html,
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html).
/// Classifying by braces and checking API Gateway's syntax are separate: the local gateway serves whatever the
/// packager wrote, the construct refuses what API Gateway would (<see cref="IsValid"/>).
/// </summary>
/// <param name="Kind">Literal, variable or greedy.</param>
/// <param name="Name">The variable name (<c>id</c>, <c>proxy</c>), or the literal text.</param>
/// <param name="Text">The segment as written (<c>{id}</c>, <c>{proxy+}</c>, <c>users</c>).</param>
internal sealed record GatewaySegment(GatewaySegmentKind Kind, string Name, string Text)
{
    /// <summary>The variable name every greedy path of a route uses.</summary>
    public const string GreedyName = "proxy";

    public bool IsVariable => Kind != GatewaySegmentKind.Literal;

    /// <summary>Literal, name and the characters API Gateway accepts for it, checked by <see cref="IsValid"/>.</summary>
    public bool IsValid => Kind == GatewaySegmentKind.Literal
        ? Name.Length > 0 && Name.All(IsLiteralCharacter)
        : Name.Length > 0 && Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    public static GatewaySegment Of(string text)
    {
        if (text.Length >= 2 && text[0] == '{' && text[^1] == '}')
        {
            var greedy = text.EndsWith("+}", StringComparison.Ordinal);
            return new GatewaySegment(greedy ? GatewaySegmentKind.Greedy : GatewaySegmentKind.Variable, text[1..(greedy ? ^2 : ^1)], text);
        }

        return new GatewaySegment(GatewaySegmentKind.Literal, text, text);
    }

    /// <summary>The segments of a template without its leading slash; <c>/</c> has none.</summary>
    public static IReadOnlyList<GatewaySegment> Split(string template)
    {
        var trimmed = template.Trim('/');
        return trimmed.Length == 0 ? [] : trimmed.Split('/').Select(Of).ToArray();
    }

    // URL path characters API Gateway accepts in a resource path part, without the braces of variables.
    private static bool IsLiteralCharacter(char c) => char.IsAsciiLetterOrDigit(c) || "._~-:@!$&'()*,;=%".Contains(c);
}
