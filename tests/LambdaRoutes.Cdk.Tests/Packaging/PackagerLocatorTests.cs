using LambdaRoutes.Cdk.Packaging;

namespace LambdaRoutes.Cdk.Tests.Packaging;

/// <summary>
/// Which packager synth starts when <see cref="PackagerOptions.Command"/> is not set: the source inside a checkout, the
/// local tool of a tool manifest above the app, a <c>lambda-routes</c> on PATH, or one error with the install commands.
/// </summary>
public sealed class PackagerLocatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lr-cdk-locate-" + Guid.NewGuid().ToString("N")[..12]);

    public PackagerLocatorTests() => Directory.CreateDirectory(AppDirectory);

    private string AppDirectory => Path.Combine(_root, "repo", "src", "MyApi");

    private string EmptyPath => Path.Combine(_root, "empty-bin");

    private void WriteToolManifest(string folder, string tools, bool isRoot = true)
    {
        Directory.CreateDirectory(Path.Combine(folder, ".config"));
        File.WriteAllText(Path.Combine(folder, ".config", "dotnet-tools.json"),
            $$"""{ "version": 1, "isRoot": {{(isRoot ? "true" : "false")}}, "tools": { {{tools}} } }""");
    }

    private const string PackagerTool = """ "lambdaroutes.packager": { "version": "1.2.3", "commands": ["lambda-routes"] } """;

    private string FakeToolOnPath()
    {
        var bin = Path.Combine(_root, "bin");
        Directory.CreateDirectory(bin);
        File.WriteAllText(Path.Combine(bin, "lambda-routes"), "#!/bin/sh\n");
        return bin;
    }

    [Fact]
    public void Inside_a_checkout_synth_runs_the_packager_from_source()
    {
        var project = Path.Combine(_root, "repo", PackagerLocator.PackagerProject);
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(project, "<Project />");
        WriteToolManifest(Path.Combine(_root, "repo"), PackagerTool);

        var command = PackagerCommand.For(AppDirectory, new PackagerOptions(), ApiKind.Http, EmptyPath);

        Assert.Equal("dotnet", command.FileName);
        Assert.Equal(["run", "--project", project, "-c", "Release", "--", "build", AppDirectory, "--out"], command.Arguments.Take(9));
        Assert.Null(command.WorkingDirectory);
    }

    [Fact]
    public void A_tool_manifest_above_the_app_that_lists_the_packager_runs_the_local_tool_from_the_manifests_folder()
    {
        var solution = Path.Combine(_root, "repo");
        WriteToolManifest(solution, PackagerTool);

        var command = PackagerCommand.For(AppDirectory, new PackagerOptions(), ApiKind.Http, FakeToolOnPath());

        Assert.Equal("dotnet", command.FileName);
        Assert.Equal(["tool", "run", "lambda-routes", "build", AppDirectory, "--out"], command.Arguments.Take(6));
        Assert.Equal(solution, command.WorkingDirectory);
    }

    [Fact]
    public void A_root_tool_manifest_without_the_packager_falls_back_to_the_tool_on_path()
    {
        WriteToolManifest(Path.Combine(_root, "repo", "src"), """ "dotnet-ef": { "version": "9.0.0", "commands": ["dotnet-ef"] } """);
        WriteToolManifest(Path.Combine(_root, "repo"), PackagerTool); // above the root manifest: dotnet would not look here
        var bin = FakeToolOnPath();

        var command = PackagerCommand.For(AppDirectory, new PackagerOptions(), ApiKind.Http, EmptyPath + Path.PathSeparator + bin);

        Assert.Equal(Path.Combine(bin, "lambda-routes"), command.FileName);
        Assert.Equal(["build", AppDirectory, "--out"], command.Arguments.Take(3));
        Assert.Null(command.WorkingDirectory);
    }

    [Fact]
    public void An_unreadable_tool_manifest_is_passed_over()
    {
        Directory.CreateDirectory(Path.Combine(AppDirectory, ".config"));
        File.WriteAllText(Path.Combine(AppDirectory, ".config", "dotnet-tools.json"), "{ not json");
        WriteToolManifest(Path.Combine(_root, "repo"), PackagerTool);

        var command = PackagerCommand.For(AppDirectory, new PackagerOptions(), ApiKind.Http, EmptyPath);

        Assert.Equal(Path.Combine(_root, "repo"), command.WorkingDirectory);
    }

    [Fact]
    public void No_tool_anywhere_is_one_error_with_the_install_commands()
    {
        var error = Assert.Throws<PackagerNotFoundException>(() => PackagerCommand.For(AppDirectory, new PackagerOptions(), ApiKind.Http, EmptyPath));

        Assert.Equal(
            $"the lambda-routes tool was not found: no tool manifest (.config/dotnet-tools.json) above '{AppDirectory}' lists LambdaRoutes.Packager " +
            "and there is no 'lambda-routes' on PATH. Install it for the app with `dotnet new tool-manifest` (once) and " +
            "`dotnet tool install LambdaRoutes.Packager`, or globally with `dotnet tool install -g LambdaRoutes.Packager`; or set PackagerOptions.Command.",
            error.Message);
    }

    [Fact]
    public void An_explicit_command_wins_over_every_installed_tool()
    {
        WriteToolManifest(Path.Combine(_root, "repo"), PackagerTool);

        var command = PackagerCommand.For(AppDirectory, new PackagerOptions { Command = ["/opt/lr/lambda-routes", "--verbose"] }, ApiKind.Http, FakeToolOnPath());

        Assert.Equal("/opt/lr/lambda-routes", command.FileName);
        Assert.Equal(["--verbose", "build", AppDirectory], command.Arguments.Take(3));
        Assert.Null(command.WorkingDirectory);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
