using Amazon.CDK;
using Amazon.CDK.Assertions;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Cdk.Packaging;
using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Packaging;

/// <summary>
/// AppPath mode against a stand-in packager: a shell script with the real CLI's contract
/// (<c>build &lt;appDir&gt; --out DIR …</c> writes DIR/manifest.json and DIR/&lt;Id&gt;/bootstrap).
/// </summary>
public sealed class PackagerRunnerTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lr-cdk-pkg-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly BuiltApp _prebuilt = BuiltApp.Create(RouteSpec.EveryShape);

    public PackagerRunnerTests() => Directory.CreateDirectory(Path.Combine(_root, "app", "api"));

    private string AppDirectory => Path.Combine(_root, "app");

    private string Script(string name, string body)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        return path;
    }

    /// <summary>Copies the prebuilt fixture into --out and records its arguments there.</summary>
    private string FakePackager() => Script("fake-packager.sh", $$"""
        [ "$1" = build ] || { echo "expected build, got $1" >&2; exit 2; }
        out="$4"
        mkdir -p "$out"
        cp -R "{{_prebuilt.Directory}}/." "$out/"
        printf '%s\n' "$@" > "$out/args.txt"
        echo "built 6 routes"
        """);

    [Fact]
    public void AppPath_mode_runs_the_packager_with_the_build_contract_and_synthesizes_its_manifest()
    {
        var stack = new Stack(new App(), "Built");
        var api = new LambdaRoutesApi(stack, "Api", new LambdaRoutesApiProps
        {
            AppPath = AppDirectory,
            ApiKind = ApiKind.Rest,
            Packager = new PackagerOptions { Command = ["/bin/sh", FakePackager()], Framework = "net9.0", Architecture = "arm64", Jobs = 1, ExtraArguments = ["--mode", "single"] },
        });

        Template.FromStack(stack).ResourceCountIs("AWS::Lambda::Function", RouteSpec.EveryShape.Length);
        var outDirectory = Path.Combine(AppDirectory, ".lambda-routes", "out");
        Assert.Equal(Path.Combine(outDirectory, "manifest.json"), api.Manifest.ManifestPath);
        Assert.Equal(
            ["build", AppDirectory, "--out", outDirectory, "--framework", "net9.0", "--arch", "arm64", "--api", "rest", "--jobs", "1", "--mode", "single"],
            File.ReadAllLines(Path.Combine(outDirectory, "args.txt")));
    }

    [Fact]
    public void A_failing_packager_fails_synth_with_its_exit_code_stderr_and_compile_errors()
    {
        var failing = Script("failing.sh", """
            echo "progress on stdout"
            echo "/src/Packager/Cli.cs(3,1): error CS1002: ; expected"
            echo "error LR104: api/users/[id].cs and api/users/[...rest].cs: only one variable child on a REST API" >&2
            exit 3
            """);

        var error = Assert.Throws<LambdaRoutesException>(() =>
            PackagerRunner.Build(AppDirectory, new PackagerOptions { Command = ["/bin/sh", failing] }, ApiKind.Http));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.PackagerFailed, diagnostic.Code);
        Assert.Contains("exited with code 3", diagnostic.Message);
        Assert.Contains("error LR104: api/users/[id].cs and api/users/[...rest].cs", diagnostic.Message);
        Assert.Contains("Cli.cs(3,1): error CS1002", diagnostic.Message); // dotnet run prints compile errors on stdout
        Assert.DoesNotContain("progress on stdout", diagnostic.Message);
    }

    [Fact]
    public void A_packager_that_cannot_start_says_how_to_install_or_override_it()
    {
        var error = Assert.Throws<LambdaRoutesException>(() =>
            PackagerRunner.Build(AppDirectory, new PackagerOptions { Command = ["lambda-routes-not-installed-anywhere"] }, ApiKind.Http));

        Assert.Contains("could not start `lambda-routes-not-installed-anywhere build", error.Message);
        Assert.Contains("dotnet tool install -g LambdaRoutes.Packager", error.Message);
        Assert.Contains("PackagerOptions.Command", error.Message);
    }

    [Fact]
    public void A_packager_that_writes_no_manifest_is_an_error()
    {
        var silent = Script("silent.sh", "exit 0\n");

        var error = Assert.Throws<LambdaRoutesException>(() =>
            PackagerRunner.Build(AppDirectory, new PackagerOptions { Command = ["/bin/sh", silent] }, ApiKind.Http));

        Assert.Contains("wrote no manifest", error.Message);
    }

    [Fact]
    public void AppPath_and_Manifest_are_mutually_exclusive()
    {
        var stack = new Stack(new App(), "Both");

        var error = Assert.Throws<ArgumentException>(() => new LambdaRoutesApi(stack, "Api", new LambdaRoutesApiProps
        {
            AppPath = AppDirectory,
            Manifest = _prebuilt.ManifestPath,
        }));

        Assert.Contains("exactly one of", error.Message);
    }

    public void Dispose()
    {
        _prebuilt.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
