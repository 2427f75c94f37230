namespace LambdaRoutes.Cdk.Packaging;

/// <summary>A fully resolved packager process start: what to run, with which arguments, and where the manifest lands.</summary>
internal sealed record PackagerCommand(string FileName, IReadOnlyList<string> Arguments, string ManifestPath)
{
    internal const string PackagerProject = "src/Packager/LambdaRoutes.Packager.csproj";

    /// <summary>Builds the <c>lambda-routes build &lt;app&gt; --out &lt;dir&gt; …</c> command line.</summary>
    public static PackagerCommand For(string appDirectory, PackagerOptions options, ApiKind apiKind)
    {
        // The packager's own default, so a `lambda-routes build` run by hand and synth share one cache.
        var outDirectory = Path.GetFullPath(options.OutDir ?? Path.Combine(appDirectory, ".lambda-routes", "out"));
        var prefix = options.Command is { Count: > 0 } command ? command : DefaultCommand(appDirectory);

        var arguments = new List<string>(prefix.Skip(1)) { "build", appDirectory, "--out", outDirectory };
        if (options.Framework is { } framework) arguments.AddRange(["--framework", framework]);
        if (options.Architecture is { } architecture) arguments.AddRange(["--arch", architecture]);
        // The packager then checks the REST one-variable-child rule before spending minutes on AOT builds.
        if (apiKind == ApiKind.Rest) arguments.AddRange(["--api", "rest"]);
        if (options.Jobs is { } jobs) arguments.AddRange(["--jobs", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        arguments.AddRange(options.ExtraArguments ?? []);

        return new PackagerCommand(prefix[0], arguments, Path.Combine(outDirectory, "manifest.json"));
    }

    /// <summary>The command as one shell-like line, for messages.</summary>
    public override string ToString() =>
        string.Join(' ', new[] { FileName }.Concat(Arguments).Select(a => a.Contains(' ') ? $"\"{a}\"" : a));

    // Inside a LambdaRoutes checkout (the sample, the tests) run the packager from source, so synth uses
    // the packager of the same commit; anywhere else expect the installed `lambda-routes` tool.
    private static IReadOnlyList<string> DefaultCommand(string appDirectory)
    {
        for (var directory = new DirectoryInfo(appDirectory); directory is not null; directory = directory.Parent)
        {
            var project = Path.Combine(directory.FullName, PackagerProject);
            if (File.Exists(project))
            {
                return ["dotnet", "run", "--project", project, "-c", "Release", "--"];
            }
        }

        return ["lambda-routes"];
    }
}
