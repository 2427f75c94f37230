namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// Says why a route is rebuilt, from the inputs its previous artifacts recorded (<see cref="InputSet"/>) and its inputs
/// now: <c>api/_lib/Greeting.cs changed</c>, <c>now uses api/_lib/Clock.cs</c>, <c>Hello.csproj changed</c>, <c>first build</c>.
/// </summary>
internal static class RebuildReason
{
    public const string UpToDate = "up to date";

    private const int MostNamed = 3;

    public static string For(RouteBuild build)
    {
        if (build.State == RouteBuildState.Cached)
        {
            return UpToDate;
        }

        if (!File.Exists(build.Artifacts.Stamp))
        {
            return "first build";
        }

        if (InputSet.Read(build.Artifacts.InputList) is not { } previous)
        {
            return "inputs of the previous build unknown";
        }

        if (previous.Hash == build.InputHash)
        {
            return "artifacts missing";
        }

        var (changed, added, removed) = build.Inputs.Compare(previous);
        var parts = changed.Select(n => $"{Display(n)} changed")
            .Concat(added.Select(n => $"now uses {Display(n)}"))
            .Concat(removed.Select(n => $"no longer uses {Display(n)}"))
            .ToList();
        return parts.Count <= MostNamed ? string.Join(", ", parts) : string.Join(", ", parts.Take(MostNamed)) + $" and {parts.Count - MostNamed} more";
    }

    /// <summary><c>app:api/_lib/X.cs</c> → <c>api/_lib/X.cs</c>; <c>ref:LambdaRoutes.Runtime/Core/X.cs</c> stays as it is.</summary>
    private static string Display(string name) => name.StartsWith("app:", StringComparison.Ordinal) ? name[4..] : name;
}
