using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Contracts.Routing;

/// <summary>Why two variable children cannot share one level of an API Gateway path tree.</summary>
internal enum SiblingConflict
{
    None,

    /// <summary>Both APIs reject <c>/x/{a}</c> beside <c>/x/{b}</c>: the variables of one level share one name.</summary>
    DifferentNames,

    /// <summary>
    /// REST only: a resource has at most one variable child, so <c>{id}</c> beside <c>{proxy+}</c> cannot be wired
    /// ("A sibling ({id}) of this resource already has a variable path part -- only one is allowed").
    /// An HTTP API carries both, static beating <c>{param}</c> beating greedy.
    /// </summary>
    SecondVariableChild,
}

/// <summary>
/// API Gateway's own rules on top of Next's (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html),
/// stated once for the packager (on the route tree, LR1101) and the construct (on the manifest's paths, LRC202/LRC203).
/// </summary>
internal static class ApiGatewayRules
{
    /// <summary>Whether <paramref name="added"/> can join a level that already has the variable child <paramref name="existing"/>.</summary>
    public static SiblingConflict Siblings(GatewaySegment existing, GatewaySegment added, ApiKind api)
    {
        if (!existing.IsVariable || !added.IsVariable || existing.Text == added.Text)
        {
            return SiblingConflict.None;
        }

        if (existing.Kind == added.Kind)
        {
            return SiblingConflict.DifferentNames;
        }

        return api == ApiKind.Rest ? SiblingConflict.SecondVariableChild : SiblingConflict.None;
    }

    /// <summary>
    /// One variable name per level is already guaranteed by the trie (Next's "different slug names" error, and every greedy
    /// variable is named <c>proxy</c>). What is left is the REST rule: an error when the target is REST and a warning
    /// otherwise, so the user hears of it before choosing.
    /// </summary>
    public static void Check(RouteTrie trie, ApiKind api, DiagnosticList diagnostics) => RouteTrie.VisitNodes(trie.Root, node =>
    {
        var greedy = node.CatchAll ?? node.OptionalCatchAll;
        if (node.Dynamic is { } variable && greedy is not null
            && Siblings(variable.Segment.ToGateway(), greedy.Segment.ToGateway(), ApiKind.Rest) == SiblingConflict.SecondVariableChild)
        {
            diagnostics.Add(RouteDiagnostics.RestVariableSiblings(
                node.Path, variable.Segment.Text, greedy.Segment.Text, variable.FirstFile, greedy.FirstFile, isError: api == ApiKind.Rest));
        }
    });
}
