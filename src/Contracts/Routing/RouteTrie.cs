using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Contracts.Routing;

/// <summary>
/// Next's route sorter as a trie (Next.js packages/next/src/shared/lib/router/utils/sorted-routes.ts). Precedence comes from the structure, not from a multi-key sort:
/// at every node the order is
///   1. the node's own route,
///   2. static children, ordinal order, each fully recursed,
///   3. the [param] child, 4. the [...rest] child, 5. the [[...optional]] child.
/// So at the first differing segment static beats [x] beats [...x] beats [[...x]].
/// Insertion reports the level conflicts (different slug names, required beside optional catch-all, duplicates);
/// <see cref="CheckOptionalCatchAllSpecificity"/> reports an index beside an optional catch-all once the tree is whole.
/// </summary>
internal sealed class RouteTrie
{
    public RouteTrieNode Root { get; } = new("");

    public void Insert(RouteFile route, DiagnosticList diagnostics)
    {
        var node = Root;
        foreach (var segment in route.Segments)
        {
            var next = Descend(node, segment, route.File, diagnostics);
            if (next is null)
            {
                return;
            }

            node = next;
        }

        if (node.Route is { } existing)
        {
            diagnostics.Add(RouteDiagnostics.DuplicateRoute(route.Route, existing.File, route.File));
            return;
        }

        node.Route = route;
    }

    public IReadOnlyList<RouteFile> Sorted()
    {
        var sorted = new List<RouteFile>();
        Emit(Root, sorted);
        return sorted;
    }

    public void CheckOptionalCatchAllSpecificity(DiagnosticList diagnostics) => VisitNodes(Root, node =>
    {
        if (node.Route is { } route && node.OptionalCatchAll?.Node.Route is { } optional)
        {
            diagnostics.Add(RouteDiagnostics.SameSpecificityAsOptionalCatchAll(route.Route, optional.Route, route.File, optional.File));
        }
    });

    public static void VisitNodes(RouteTrieNode node, Action<RouteTrieNode> visit)
    {
        visit(node);
        foreach (var child in Children(node))
        {
            VisitNodes(child, visit);
        }
    }

    private static void Emit(RouteTrieNode node, List<RouteFile> sorted)
    {
        if (node.Route is { } route)
        {
            sorted.Add(route);
        }

        foreach (var child in Children(node))
        {
            Emit(child, sorted);
        }
    }

    private static IEnumerable<RouteTrieNode> Children(RouteTrieNode node)
    {
        foreach (var child in node.Statics.Values)
        {
            yield return child;
        }

        foreach (var parameter in new[] { node.Dynamic, node.CatchAll, node.OptionalCatchAll })
        {
            if (parameter is not null)
            {
                yield return parameter.Node;
            }
        }
    }

    private static RouteTrieNode? Descend(RouteTrieNode node, RouteSegment segment, string file, DiagnosticList diagnostics)
    {
        var childPath = $"{node.Path}/{segment.Text}";
        switch (segment.Kind)
        {
            case SegmentKind.Static:
                if (!node.Statics.TryGetValue(segment.Text, out var child))
                {
                    child = new RouteTrieNode(childPath);
                    node.Statics.Add(segment.Text, child);
                }

                return child;

            case SegmentKind.Dynamic:
                node.Dynamic ??= new ParameterChild(segment, file, new RouteTrieNode(childPath));
                return SameName(node.Dynamic, segment, file, diagnostics);

            case SegmentKind.CatchAll:
                if (node.OptionalCatchAll is { } optional)
                {
                    diagnostics.Add(RouteDiagnostics.RequiredAndOptionalCatchAll(segment.Text, optional.Segment.Text, file, optional.FirstFile));
                    return null;
                }

                node.CatchAll ??= new ParameterChild(segment, file, new RouteTrieNode(childPath));
                return SameName(node.CatchAll, segment, file, diagnostics);

            default:
                if (node.CatchAll is { } required)
                {
                    diagnostics.Add(RouteDiagnostics.RequiredAndOptionalCatchAll(required.Segment.Text, segment.Text, required.FirstFile, file));
                    return null;
                }

                node.OptionalCatchAll ??= new ParameterChild(segment, file, new RouteTrieNode(childPath));
                return SameName(node.OptionalCatchAll, segment, file, diagnostics);
        }
    }

    private static RouteTrieNode? SameName(ParameterChild child, RouteSegment segment, string file, DiagnosticList diagnostics)
    {
        var name = segment.ParamName ?? segment.Text;
        if (child.Name == name)
        {
            return child.Node;
        }

        diagnostics.Add(RouteDiagnostics.DifferentSlugNames(child.Name, name, child.FirstFile, file));
        return null;
    }
}
