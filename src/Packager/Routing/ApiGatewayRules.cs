using LambdaRoutes.Packager.Diagnostics;

namespace LambdaRoutes.Packager.Routing;

/// <summary>Which API Gateway flavour the routes will be wired to; only REST has the one-variable-child rule.</summary>
internal enum ApiKind
{
    Http,
    Rest,
}

/// <summary>
/// API Gateway's own rules on top of Next's (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html). One variable name per level is already guaranteed by the trie
/// (Next's "different slug names" error, and every greedy variable is named <c>proxy</c>). What is left: a REST API resource
/// has at most one variable child, so <c>[id]</c> beside <c>[...rest]</c> or <c>[[...rest]]</c> cannot be wired there
/// ("A sibling ({id}) of this resource already has a variable path part -- only one is allowed"). That is an error
/// when the target is REST and a warning otherwise, so the user hears of it before choosing.
/// </summary>
internal static class ApiGatewayRules
{
    public static void Check(RouteTrie trie, ApiKind api, DiagnosticList diagnostics) => RouteTrie.VisitNodes(trie.Root, node =>
    {
        var greedy = node.CatchAll ?? node.OptionalCatchAll;
        if (node.Dynamic is { } variable && greedy is not null)
        {
            diagnostics.Add(RouteDiagnostics.RestVariableSiblings(
                node.Path, variable.Segment.Text, greedy.Segment.Text, variable.FirstFile, greedy.FirstFile, isError: api == ApiKind.Rest));
        }
    });
}
