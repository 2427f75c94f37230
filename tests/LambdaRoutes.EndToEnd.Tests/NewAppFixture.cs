using System.Text.Json.Nodes;
using LambdaRoutes.EndToEnd.Tests.Support;

namespace LambdaRoutes.EndToEnd.Tests;

/// <summary>
/// Walks a new user's path once, outside the repository, and keeps what each step gave for the tests to judge:
/// <c>dotnet pack</c> of the solution into a temporary feed (its build output in a temporary artifacts folder, so the
/// checkout's own bin/obj, used by the other test projects at the same time, are left alone),
/// <c>dotnet new install LambdaRoutes.Templates</c> (into a private DOTNET_CLI_HOME, so the machine's template list is
/// untouched), <c>dotnet new lambda-routes</c>, <c>dotnet tool restore</c>, <c>dotnet test</c>, the Native AOT
/// <c>lambda-routes build</c>, <c>lambda-routes dev</c> over real HTTP, <c>npm install</c> + <c>npx cdk synth</c> and
/// <c>cfn-lint</c>. The generated app reaches the packages through a nuget.config beside it, never through the repository.
/// Every run packs a version of its own (<c>0.0.0-e2e.&lt;time&gt;</c>), so no package from an earlier run, cached in
/// ~/.nuget/packages, can stand in for this commit's; the run's versions are removed from that cache afterwards.
/// A step that fails stops the walk; the tests of later steps then report it.
/// </summary>
public sealed class NewAppFixture : IAsyncLifetime
{
    public const string AppName = "MyApi";
    public const string AppFolder = "src/" + AppName;
    public static readonly string[] Packages = ["LambdaRoutes.Cdk", "LambdaRoutes.Contracts", "LambdaRoutes.Packager", "LambdaRoutes.Runtime", "LambdaRoutes.Templates", "LambdaRoutes.Testing"];

    private readonly Dictionary<string, CliResult> _steps = new(StringComparer.Ordinal);
    private string? _failed;

    public string Version { get; } = $"0.0.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "lr-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    public string Feed => Path.Combine(Root, "feed");
    public string Work => Path.Combine(Root, "work");
    public string Solution => Path.Combine(Work, AppName);
    public string TemplatePath => Path.Combine(Solution, "cdk.out", AppName + ".template.json");
    public IReadOnlyList<DevAnswer> DevAnswers { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Work);
        // `dotnet new` keeps installed templates under DOTNET_CLI_HOME; only the two template steps get a private one.
        var templateHome = new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = Path.Combine(Root, "cli-home") };
        // The generated app sees the feed the way a user sees nuget.org: a package source, here from a folder above it.
        File.WriteAllText(Path.Combine(Work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="lambda-routes-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        await StepAsync("pack", RepositoryRoot.Path, 20, null, "dotnet", "pack", "LambdaRoutes.sln", "-c", "Release", "-o", Feed,
            "--artifacts-path", Path.Combine(Root, "artifacts"), $"-p:Version={Version}");
        await StepAsync("template install", Work, 5, templateHome, "dotnet", "new", "install", $"LambdaRoutes.Templates::{Version}", "--add-source", Feed);
        await StepAsync("new", Work, 5, templateHome, "dotnet", "new", "lambda-routes", "-n", AppName);
        await StepAsync("tool restore", Solution, 10, null, "dotnet", "tool", "restore");
        await StepAsync("test", Solution, 20, null, "dotnet", "test", AppName + ".slnx");
        await StepAsync("build", Solution, 30, null, "dotnet", "tool", "run", "lambda-routes", "build", AppFolder);
        await DevStepAsync();
        await StepAsync("npm install", Solution, 10, null, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
        await StepAsync("synth", Solution, 20, null, "npx", "cdk", "synth", "--quiet", "--no-notices");
        await StepAsync("cfn-lint", Solution, 5, null, "cfn-lint", "--", TemplatePath);
    }

    /// <summary>The named step's result; fails the calling test when that step or one before it did not succeed.</summary>
    public CliResult Succeeded(string step)
    {
        if (_steps.TryGetValue(step, out var result) && result.ExitCode == 0) return result;
        if (_failed is not null) Assert.Fail($"step '{_failed}' failed, so '{step}' {(_steps.ContainsKey(step) ? "failed" : "did not run")}: {_steps[_failed]}");
        Assert.Fail($"step '{step}' did not run");
        return result!;
    }

    /// <summary>How long each step that ran took, for the test log.</summary>
    public string Timings() => string.Join(", ", _steps.Select(step => $"{step.Key} {step.Value.Elapsed.TotalSeconds:F0} s"));

    public JsonObject SynthesizedTemplate()
    {
        Succeeded("synth");
        return JsonNode.Parse(File.ReadAllText(TemplatePath))!.AsObject();
    }

    private async Task StepAsync(string name, string directory, int minutes, IReadOnlyDictionary<string, string>? environment, string fileName, params string[] arguments)
    {
        if (_failed is not null) return;
        var result = await Cli.RunAsync(directory, TimeSpan.FromMinutes(minutes), environment, fileName, arguments);
        _steps[name] = result;
        if (result.ExitCode != 0) _failed = name;
    }

    private async Task DevStepAsync()
    {
        if (_failed is not null) return;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var (answers, output) = await DevServer.AskAsync(Solution, AppFolder, TimeSpan.FromMinutes(10), "/api/hello?name=E2E", "/api/files/docs/readme.md");
            DevAnswers = answers;
            _steps["dev"] = new CliResult("dotnet tool run lambda-routes dev", 0, output, clock.Elapsed);
        }
        catch (InvalidOperationException e)
        {
            _steps["dev"] = new CliResult("dotnet tool run lambda-routes dev", -1, e.Message, clock.Elapsed);
            _failed = "dev";
        }
    }

    public Task DisposeAsync()
    {
        TryDelete(Root);
        // This run's packages in the global packages folder: unique versions, so nothing else uses them.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var package in Packages) TryDelete(Path.Combine(cache, package.ToLowerInvariant(), Version));
        return Task.CompletedTask;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is not a test failure.
        }
    }
}
