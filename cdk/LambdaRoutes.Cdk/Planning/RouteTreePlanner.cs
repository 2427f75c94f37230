using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Manifest;
using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Contracts.Routing;

namespace LambdaRoutes.Cdk.Planning;

/// <summary>
/// Checks that the manifest's API Gateway paths form a tree the chosen API kind can express, and lists
/// the (path, methods) bindings to wire. Rules, from https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html:
/// <list type="number">
/// <item>Paths start with <c>/</c>; segments are non-empty literals, <c>{name}</c> or <c>{name+}</c> (LRC200).</item>
/// <item>A greedy <c>{name+}</c> is the last segment: a proxy resource has no children (LRC201).</item>
/// <item>The variables of one tree level share one name; both API kinds reject <c>/x/{a}</c> beside <c>/x/{b}/y</c> (LRC202).</item>
/// <item>REST only: a resource has at most one variable child, so <c>{id}</c> beside <c>{proxy+}</c> fails (LRC203);
///       an HTTP API carries both, static beating <c>{param}</c> beating greedy.</item>
/// <item>No two routes claim the same method on the same path; <c>ANY</c> overlaps every verb (LRC204).</item>
/// </list>
/// Every problem is reported, not only the first.
/// </summary>
internal static class RouteTreePlanner
{
    public static IReadOnlyList<RouteBinding> Plan(IReadOnlyList<ManifestRoute> routes, ApiKind kind, RouteMethods methods, bool corsEnabled = false)
    {
        var diagnostics = new List<Diagnostic>();
        var root = new TreeNode();
        var bindings = new List<RouteBinding>();

        foreach (var route in routes)
        {
            var routeMethods = WiredMethods.For(route, methods, corsEnabled);
            foreach (var path in route.Paths)
            {
                var segments = ParsePath(route, path, diagnostics);
                if (segments is null)
                {
                    continue;
                }

                var node = Insert(root, segments, route, path, kind, diagnostics);
                if (node is not null && ClaimMethods(node, route, path, routeMethods, diagnostics))
                {
                    bindings.Add(new RouteBinding(route, path, routeMethods));
                }
            }
        }

        if (diagnostics.Count > 0)
        {
            var what = kind == ApiKind.Rest ? "the REST API route tree" : "the HTTP API route tree";
            throw new LambdaRoutesException(what, diagnostics);
        }

        return bindings;
    }

    private static List<GatewaySegment>? ParsePath(ManifestRoute route, string path, List<Diagnostic> diagnostics)
    {
        void Report(Diagnostic diagnostic) => diagnostics.Add(diagnostic.About(route.File, route.Route));

        if (!path.StartsWith('/'))
        {
            Report(ConstructDiagnostics.PathWithoutSlash(path));
            return null;
        }

        var segments = new List<GatewaySegment>();
        if (path == "/")
        {
            return segments;
        }

        var parts = path[1..].Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var segment = GatewaySegment.Of(parts[i]);
            if (!segment.IsValid)
            {
                Report(ConstructDiagnostics.InvalidPathSegment(path, parts[i]));
                return null;
            }

            if (segment.Kind == GatewaySegmentKind.Greedy && i != parts.Length - 1)
            {
                Report(ConstructDiagnostics.GreedyNotLast(path, segment.Text));
                return null;
            }

            segments.Add(segment);
        }

        return segments;
    }

    private static TreeNode? Insert(TreeNode root, List<GatewaySegment> segments, ManifestRoute route, string path, ApiKind kind, List<Diagnostic> diagnostics)
    {
        var node = root;
        var parentPath = "";
        foreach (var segment in segments)
        {
            if (node.Children.TryGetValue(segment.Text, out var existing))
            {
                node = existing;
                parentPath += "/" + segment.Text;
                continue;
            }

            if (FindVariableConflict(node, segment, kind) is ({ Segment: { } siblingSegment } sibling, var conflict))
            {
                var level = parentPath.Length == 0 ? "/" : parentPath;
                var diagnostic = conflict == SiblingConflict.DifferentNames
                    ? ConstructDiagnostics.ConflictingVariableNames(path, segment.Text, level, siblingSegment.Text, sibling.OwnerFile, sibling.OwnerRoute)
                    : ConstructDiagnostics.RestSecondVariableChild(path, segment.Text, level, siblingSegment.Text, sibling.OwnerFile, sibling.OwnerRoute);
                diagnostics.Add(diagnostic.About(route.File, route.Route));
                return null;
            }

            var child = new TreeNode { Segment = segment, OwnerFile = route.File, OwnerRoute = route.Route };
            node.Children.Add(segment.Text, child);
            node = child;
            parentPath += "/" + segment.Text;
        }

        return node;
    }

    private static (TreeNode Sibling, SiblingConflict Conflict)? FindVariableConflict(TreeNode parent, GatewaySegment segment, ApiKind kind)
    {
        foreach (var sibling in parent.Children.Values)
        {
            if (sibling.Segment is { } other && ApiGatewayRules.Siblings(other, segment, kind) is var conflict and not SiblingConflict.None)
            {
                return (sibling, conflict);
            }
        }

        return null;
    }

    private static bool ClaimMethods(TreeNode node, ManifestRoute route, string path, IReadOnlyList<string> methods, List<Diagnostic> diagnostics)
    {
        foreach (var method in methods)
        {
            var clash = node.Methods.FirstOrDefault(claimed => claimed.Method == method || claimed.Method == "ANY" || method == "ANY");
            if (clash is not null)
            {
                var whose = ReferenceEquals(clash.Route, route) ? "the same route lists it twice" : $"{clash.Route.File} ({clash.Route.Route}) already has {clash.Method}";
                diagnostics.Add(ConstructDiagnostics.DuplicateRouteKey(method, path, whose).About(route.File, route.Route));
                return false;
            }

            node.Methods.Add(new ClaimedMethod(method, route));
        }

        return true;
    }

    private sealed class TreeNode
    {
        public GatewaySegment? Segment { get; init; }
        public string OwnerFile { get; init; } = "";
        public string OwnerRoute { get; init; } = "";
        public Dictionary<string, TreeNode> Children { get; } = new(StringComparer.Ordinal);
        public List<ClaimedMethod> Methods { get; } = [];
    }

    private sealed record ClaimedMethod(string Method, ManifestRoute Route);
}
