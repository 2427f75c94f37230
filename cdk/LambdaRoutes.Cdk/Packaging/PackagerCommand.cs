namespace LambdaRoutes.Cdk.Packaging;

/// <summary>
/// A fully resolved packager process start: what to run, with which arguments, in which folder (null: the current one),
/// and where the manifest lands.
/// </summary>
internal sealed record PackagerCommand(string FileName, IReadOnlyList<string> Arguments, string ManifestPath, string? WorkingDirectory = null)
{
    /// <summary>Builds the <c>lambda-routes build &lt;app&gt; --out &lt;dir&gt; …</c> command line.</summary>
    /// <exception cref="PackagerNotFoundException">No command is set and no packager is installed for the app.</exception>
    public static PackagerCommand For(string appDirectory, PackagerOptions options, ApiKind apiKind, string? searchPath = null)
    {
        // The packager's own default, so a `lambda-routes build` run by hand and synth share one cache.
        var outDirectory = Path.GetFullPath(options.OutDir ?? Path.Combine(appDirectory, ".lambda-routes", "out"));
        var location = options.Command is { Count: > 0 } command
            ? new PackagerLocation(command, null)
            : PackagerLocator.Find(appDirectory, searchPath) ?? throw new PackagerNotFoundException(appDirectory);
        var prefix = location.Prefix;

        var arguments = new List<string>(prefix.Skip(1)) { "build", appDirectory, "--out", outDirectory };
        if (options.Framework is { } framework) arguments.AddRange(["--framework", framework]);
        if (options.Architecture is { } architecture) arguments.AddRange(["--arch", architecture]);
        // The packager then checks the REST one-variable-child rule before spending minutes on AOT builds.
        if (apiKind == ApiKind.Rest) arguments.AddRange(["--api", "rest"]);
        if (options.Jobs is { } jobs) arguments.AddRange(["--jobs", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        arguments.AddRange(options.ExtraArguments ?? []);

        return new PackagerCommand(prefix[0], arguments, Path.Combine(outDirectory, "manifest.json"), location.WorkingDirectory);
    }

    /// <summary>The command as one shell-like line, for messages.</summary>
    public override string ToString() =>
        string.Join(' ', new[] { FileName }.Concat(Arguments).Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
}
