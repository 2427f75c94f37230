using System.CommandLine;
using LambdaRoutes.Packager.Output;
using LambdaRoutes.Packager.Packaging;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Commands;

/// <summary>
/// <c>lambda-routes build &lt;appDir&gt; [--out DIR] [--framework net8.0] [--arch x86_64|arm64] [--jobs N] [--api http|rest]</c>:
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
            Description = "Target framework of the route binaries (default net8.0). The app project must build for it, and your NuGet " +
                          "feeds must provide its Native AOT compiler packages (LR3004 names what is missing).",
            DefaultValueFactory = _ => "net8.0",
        };
        var arch = new Option<string>("--arch") { Description = "Lambda architecture: x86_64 or arm64.", DefaultValueFactory = _ => "x86_64" };
        arch.AcceptOnlyFromAmong("x86_64", "arm64");
        var jobs = new Option<int>("--jobs") { Description = "Parallel AOT publishes (default: the core count; each peaks near 1 GB)." };
        var api = CommonOptions.Api();
        var mode = new Option<string>("--mode")
        {
            Description = "per-route (default): one AOT binary per route, trimmed to what it reaches; " +
                          "single: one AOT binary for all routes, each Lambda selecting its route at start (one publish, faster to build).",
            DefaultValueFactory = _ => "per-route",
        };
        mode.AcceptOnlyFromAmong("per-route", "single");
        var command = new Command("build", "Build one Native AOT bootstrap and zip per route, and the manifest.") { appDir, outDir, framework, arch, jobs, api, mode };
        command.SetAction((parse, cancel) =>
        {
            var options = new BuildOptions(
                parse.GetRequiredValue(appDir),
                parse.GetValue(outDir),
                parse.GetRequiredValue(framework),
                parse.GetRequiredValue(arch) == "arm64" ? Architecture.Arm64 : Architecture.X86_64,
                parse.GetValue(jobs),
                parse.GetValue(api),
                parse.GetRequiredValue(mode) == "single" ? BuildMode.Single : BuildMode.PerRoute);
            IBuildReporter reporter = Terminal.IsInteractive(stdout) ? new LiveBuildReporter(Terminal.For(stdout), stdout) : new PlainBuildReporter(stdout);
            return BuildPipeline.RunAsync(options, reporter, stderr, cancel);
        });
        return command;
    }
}
