using System.Text.Json;

namespace LambdaRoutes.Cdk.Packaging;

/// <summary>How to start the packager when <see cref="PackagerOptions.Command"/> is not set.</summary>
/// <param name="Prefix">The program and the arguments that come before <c>build</c>.</param>
/// <param name="WorkingDirectory">Where to start it; a local tool is found from the folder it runs in.</param>
internal sealed record PackagerLocation(IReadOnlyList<string> Prefix, string? WorkingDirectory);

/// <summary>
/// Finds the <c>lambda-routes</c> tool for an app, in the order a user would expect: the packager's own source when the
/// app sits inside a LambdaRoutes checkout (the sample, the tests: synth uses the packager of the same commit), then a
/// local tool listed in a tool manifest above the app (what <c>dotnet new lambda-routes</c> sets up), then
/// <c>lambda-routes</c> on PATH (a global tool). Nothing found is one error with the install commands.
/// </summary>
internal static class PackagerLocator
{
    internal const string PackagerProject = "src/Packager/LambdaRoutes.Packager.csproj";
    internal const string PackageId = "LambdaRoutes.Packager";
    internal const string ToolCommand = "lambda-routes";

    /// <summary>The install commands, for every message that has to say how to get the tool.</summary>
    internal const string InstallHint =
        $"Install it for the app with `dotnet new tool-manifest` (once) and `dotnet tool install {PackageId}`, " +
        $"or globally with `dotnet tool install -g {PackageId}`; or set PackagerOptions.Command";

    /// <summary>The packager for <paramref name="appDirectory"/>, or null when none is installed.</summary>
    /// <param name="appDirectory">The app folder (absolute).</param>
    /// <param name="searchPath">The PATH to search; the process's own when null.</param>
    public static PackagerLocation? Find(string appDirectory, string? searchPath = null)
    {
        for (var directory = new DirectoryInfo(appDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, PackagerProject);
            if (File.Exists(project))
            {
                return new(["dotnet", "run", "--project", project, "-c", "Release", "--"], null);
            }
        }

        if (FindToolManifestFolder(appDirectory) is { } manifestFolder)
        {
            return new(["dotnet", "tool", "run", ToolCommand], manifestFolder);
        }

        return FindOnPath(searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "") is { } executable
            ? new([executable], null)
            : null;
    }

    /// <summary>
    /// The folder `dotnet tool run` would resolve the tool from: the nearest tool manifest (<c>.config/dotnet-tools.json</c>
    /// or <c>dotnet-tools.json</c>) that lists the package, stopping after a manifest marked <c>isRoot</c>, as the SDK does.
    /// </summary>
    private static string? FindToolManifestFolder(string appDirectory)
    {
        for (var directory = new DirectoryInfo(appDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(directory.FullName, ".config", "dotnet-tools.json"), Path.Combine(directory.FullName, "dotnet-tools.json") })
            {
                if (!File.Exists(candidate)) continue;
                var (listsPackager, isRoot) = ReadToolManifest(candidate);
                if (listsPackager) return directory.FullName;
                if (isRoot) return null;
            }
        }

        return null;
    }

    private static (bool ListsPackager, bool IsRoot) ReadToolManifest(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            var isRoot = root.TryGetProperty("isRoot", out var flag) && flag.ValueKind == JsonValueKind.True;
            var lists = root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Object
                && tools.EnumerateObject().Any(tool => string.Equals(tool.Name, PackageId, StringComparison.OrdinalIgnoreCase));
            return (lists, isRoot);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // Not a manifest we can read: `dotnet tool run` would not use it either; keep looking further up.
            return (false, false);
        }
    }

    private static string? FindOnPath(string searchPath)
    {
        foreach (var folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, OperatingSystem.IsWindows() ? ToolCommand + ".exe" : ToolCommand);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }
}
