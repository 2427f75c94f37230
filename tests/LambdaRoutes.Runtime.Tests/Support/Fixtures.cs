namespace LambdaRoutes.Runtime.Tests.Support;

/// <summary>Finds the genuine AWS events in <c>../shared/fixtures/events</c> beside the repository.</summary>
internal static class Fixtures
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string EventsDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fixtures", "events"));

    public static byte[] Event(string name) => File.ReadAllBytes(Path.Combine(EventsDirectory, name));

    public static IEnumerable<string> EventNames() =>
        Directory.EnumerateFiles(EventsDirectory, "*.json").Select(Path.GetFileName).OfType<string>().Order();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LambdaRoutes.sln"))) return dir.FullName;
        throw new InvalidOperationException("LambdaRoutes.sln not found above " + AppContext.BaseDirectory);
    }
}
