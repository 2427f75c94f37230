namespace LambdaRoutes.Packager.Packaging;

/// <summary>
/// A change of shared code that reaches no route (an <c>_lib</c> file nothing uses yet) rebuilds nothing, yet the app
/// must still compile: a broken app must not build "successfully" and then remove outputs. The hash of the app's inputs
/// other than route files at the last build that compiled is kept in <c>obj/lambda-routes/app-inputs</c>; when it
/// differs and no route is to be rebuilt, the app is compiled once more (no publish). With no record (a first build
/// here, or one whose routes all came from the cache) there is nothing to compare with and no check.
/// </summary>
internal static class AppCompileCheck
{
    private const string RecordName = "app-inputs";

    public static bool IsNeeded(string appDir, string sharedInputs) =>
        Read(appDir) is { } recorded && recorded != sharedInputs;

    public static void Record(string appDir, string sharedInputs)
    {
        try
        {
            var path = Path.Combine(appDir, EntryProject.EntryRoot, RecordName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, sharedInputs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only the record is lost: the next build then skips the check, as after a first build.
        }
    }

    private static string? Read(string appDir)
    {
        try
        {
            return File.ReadAllText(Path.Combine(appDir, EntryProject.EntryRoot, RecordName)).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
