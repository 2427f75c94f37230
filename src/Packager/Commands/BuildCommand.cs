using System.CommandLine;
using LambdaRoutes.Packager.Caching;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Commands;

/// <summary>
/// <c>lambda-routes build &lt;appDir&gt; [--out DIR] [--framework net10.0] [--arch x86_64|arm64] [--jobs N] [--api http|rest]
/// [--cache DIR|s3://bucket/prefix] [--no-cache] [--shard i/n]</c>:
/// one Native AOT <c>bootstrap</c> and zip per route, and <c>manifest.json</c>.
/// </summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var appDir = CommonOptions.AppDir();
        var outDir = new Option<string?>("--out") { Description = $"Output folder (default: <appDir>/{BuildOptions.DefaultOutFolder})." };
        var framework = new Option<string>("--framework")
        {
            Description = $"Target framework of the route binaries (default {BuildOptions.DefaultFramework}; net8.0 and net9.0 are still accepted). " +
                          "The app project must build for it, and your NuGet feeds must provide its Native AOT compiler packages (LR3004 names what is missing).",
            DefaultValueFactory = _ => BuildOptions.DefaultFramework,
        };
        var arch = CommonOptions.Arch("Lambda architecture: x86_64 or arm64.");
        var jobs = new Option<int>("--jobs") { Description = "Parallel AOT publishes (default: the core count; each peaks near 1 GB)." };
        var api = CommonOptions.Api();
        var mode = new Option<string>("--mode")
        {
            Description = "per-route (default): one AOT binary per route, trimmed to what it reaches; " +
                          "single: one AOT binary for all routes, each Lambda selecting its route at start (one publish, faster to build).",
            DefaultValueFactory = _ => "per-route",
        };
        mode.AcceptOnlyFromAmong("per-route", "single");
        var (cache, noCache, shard) = (BuildCacheOptions.Cache(), BuildCacheOptions.NoCache(), BuildCacheOptions.Shard());
        var command = new Command("build", "Build one Native AOT bootstrap and zip per route, and the manifest.") { appDir, outDir, framework, arch, jobs, api, mode, cache, noCache, shard };
        command.SetAction((parse, cancel) =>
        {
            var options = new BuildOptions(
                parse.GetRequiredValue(appDir),
                parse.GetValue(outDir),
                parse.GetRequiredValue(framework),
                CommonOptions.ArchitectureOf(parse, arch),
                parse.GetValue(jobs),
                parse.GetValue(api),
                parse.GetRequiredValue(mode) == "single" ? BuildMode.Single : BuildMode.PerRoute,
                Shard: parse.GetValue(shard));
            if (BuildCacheOptions.ShardProblem(options) is { } problem)
            {
                stderr.WriteLine(problem);
                return Task.FromResult(1);
            }

            options = options with { Cache = CacheSetting.Resolve(parse.GetValue(cache), parse.GetValue(noCache), stderr) };
            IBuildReporter reporter = Terminal.IsInteractive(stdout) ? new LiveBuildReporter(Terminal.For(stdout), stdout) : new PlainBuildReporter(stdout);
            return BuildPipeline.RunAsync(options, reporter, stderr, cancel);
        });
        return command;
    }
}
