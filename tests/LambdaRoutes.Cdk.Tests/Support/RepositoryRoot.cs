namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>The checkout the tests run from: the folder holding cdk.json.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "cdk.json")) && Directory.Exists(System.IO.Path.Combine(directory.FullName, "cdk")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No cdk.json above {AppContext.BaseDirectory}.");
    }
}
