using System.Text.Json;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>The outcome of compiling the app for in-process serving.</summary>
internal sealed record AppBuildResult(bool Succeeded, string? AssemblyPath, IReadOnlyList<string> Errors, TimeSpan Elapsed);

/// <summary>
/// Compiles the app project (Debug) with <c>dotnet build</c>, exactly as the user would, and asks MSBuild for the
/// assembly it produced (<c>-getProperty:TargetPath -getTargetResult:Build</c>). The first build also builds project
/// references, under the compile locks of the app and the projects it references (<see cref="BuildLock"/>: a concurrent
/// <c>lambda-routes build</c> writes the same obj/ folders). Rebuilds after a change skip project references (only the
/// app folder is watched): they touch only the app's own Debug output, so they neither wait for other builds' locks nor
/// rebuild the runtime — most of the restart time saved.
/// </summary>
internal static class AppBuilder
{
    public static async Task<AppBuildResult> BuildAsync(RouteTable table, bool buildReferences, Action<string> onWait, CancellationToken cancel)
    {
        using var buildLock = buildReferences
            ? await BuildLock.ForCompileAsync(table, onWait, cancel)
            : null;
        var project = Path.Combine(table.AppDir, table.AppProject ?? throw new InvalidOperationException("The app has no project file."));
        List<string> args =
        [
            "build", project, "-c", "Debug", "-nologo", "-v:q", "-clp:NoSummary", "-nodeReuse:false",
            "-getProperty:TargetPath", "-getTargetResult:Build",
        ];
        if (!buildReferences)
        {
            args.Add("-p:BuildProjectReferences=false");
        }

        var run = await DotnetProcess.RunAsync(args, table.AppDir, cancel);
        var (path, succeeded) = ReadResult(run.Lines);
        if (run.ExitCode == 0 && succeeded && path is not null && File.Exists(path))
        {
            return new AppBuildResult(true, path, [], run.Elapsed);
        }

        var errors = BuildMessageParser.Parse(run.Lines).Where(m => m.IsError).Select(m => AppCompiler.Describe(m, table)).Distinct().ToList();
        return new AppBuildResult(false, null, errors.Count > 0 ? errors : run.Lines.Where(l => !l.StartsWith(' ') && !l.StartsWith('{') && !l.StartsWith('}')).TakeLast(20).ToList(), run.Elapsed);
    }

    /// <summary>The JSON MSBuild prints after the build: <c>{"Properties":{"TargetPath":…},"TargetResults":{"Build":{"Result":…}}}</c>.</summary>
    private static (string? Path, bool Succeeded) ReadResult(IReadOnlyList<string> lines)
    {
        var start = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] == "{")
            {
                start = i;
            }
        }

        if (start < 0)
        {
            return (null, false);
        }

        try
        {
            using var json = JsonDocument.Parse(string.Join('\n', lines.Skip(start)));
            var root = json.RootElement;
            var path = root.GetProperty("Properties").GetProperty("TargetPath").GetString();
            var result = root.GetProperty("TargetResults").GetProperty("Build").GetProperty("Result").GetString();
            return (path, result == "Success");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, false);
        }
    }
}
