namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>Paths in this repository, found from the test binary's location (no hard-coded checkout path).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string RuntimeProject => Path.Combine(Root, "src", "Runtime", "LambdaRoutes.Runtime.csproj");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LambdaRoutes.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No LambdaRoutes.sln above {AppContext.BaseDirectory}");
    }
}
