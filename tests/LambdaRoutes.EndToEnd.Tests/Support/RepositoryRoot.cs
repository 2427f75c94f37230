namespace LambdaRoutes.EndToEnd.Tests.Support;

/// <summary>The checkout the tests run from: the folder holding LambdaRoutes.sln. Only packed, never referenced.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "LambdaRoutes.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No LambdaRoutes.sln above {AppContext.BaseDirectory}.");
    }
}
