using System.Globalization;
using LambdaRoutes.Packager.Packaging;

namespace LambdaRoutes.Packager.Sharding;

/// <summary>
/// <c>build --shard i/n</c>: the i-th of n shares of an app's routes, for builds fanned out over CI machines and merged by
/// <c>assemble</c>. Routes are ordered by id (ordinal) and dealt round-robin, so every machine computes the same shares
/// from the same route table, and the shares differ in size by at most one route.
/// </summary>
internal sealed record RouteShard(int Index, int Count)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses <c>i/n</c> with 1 ≤ i ≤ n; the error names what is wrong.</summary>
    public static RouteShard? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new RouteShard(index, count);
        }

        error = $"--shard must be i/n with 1 <= i <= n (e.g. 2/4 for the second of four shares); got '{text}'.";
        return null;
    }

    /// <summary>This share of the builds, in their original (precedence) order.</summary>
    public IReadOnlyList<RouteBuild> Select(IReadOnlyList<RouteBuild> builds)
    {
        var mine = builds.Select(b => b.Route.Id).Order(StringComparer.Ordinal)
            .Where((_, position) => position % Count == Index - 1)
            .ToHashSet(StringComparer.Ordinal);
        return [.. builds.Where(b => mine.Contains(b.Route.Id))];
    }
}
