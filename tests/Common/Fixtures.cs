namespace LambdaRoutes.Tests;

/// <summary>
/// The genuine AWS events under <c>tests/fixtures/</c>, for every test project that needs them (linked into each, not
/// copied): <c>events/</c> holds the six basic events, <c>events-corpus/</c> the larger corpus; each folder's
/// <c>SOURCES.md</c> says where every file came from.
/// </summary>
internal static class Fixtures
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string EventsDirectory => Path.Combine(RepositoryRoot, "tests", "fixtures", "events");

    public static string CorpusDirectory => Path.Combine(RepositoryRoot, "tests", "fixtures", "events-corpus");

    public static byte[] Event(string name) => File.ReadAllBytes(Path.Combine(EventsDirectory, name));

    public static byte[] CorpusEvent(string name) => File.ReadAllBytes(Path.Combine(CorpusDirectory, name));

    /// <summary>A genuine Lambda-authorizer input event from <c>authorizer-events/</c> (its SOURCES.md says where from).</summary>
    public static byte[] AuthorizerEvent(string name) => File.ReadAllBytes(Path.Combine(RepositoryRoot, "tests", "fixtures", "authorizer-events", name));

    /// <summary>The six basic events' file names, sorted.</summary>
    public static IEnumerable<string> EventNames() => JsonFileNames(EventsDirectory);

    /// <summary>The corpus events' file names, sorted.</summary>
    public static IEnumerable<string> CorpusNames() => JsonFileNames(CorpusDirectory);

    private static IEnumerable<string> JsonFileNames(string directory) =>
        Directory.EnumerateFiles(directory, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LambdaRoutes.sln"))) return dir.FullName;
        throw new InvalidOperationException("LambdaRoutes.sln not found above " + AppContext.BaseDirectory);
    }
}
