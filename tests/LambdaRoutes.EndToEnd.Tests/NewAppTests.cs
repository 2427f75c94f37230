using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace LambdaRoutes.EndToEnd.Tests;

/// <summary>
/// From nothing to a running local API and a synthesized stack, using only the packages: the path the README's
/// "Getting started" gives a new user. One shared <see cref="NewAppFixture"/> walks it; each test judges one step.
/// </summary>
public sealed partial class NewAppTests(NewAppFixture app, ITestOutputHelper log) : IClassFixture<NewAppFixture>
{
    [GeneratedRegex(@"(?<!0 )\bwarning\b", RegexOptions.IgnoreCase)]
    private static partial Regex WarningLine();

    [Fact]
    public void One_pack_of_the_solution_gives_the_six_packages_and_nothing_else_without_warnings()
    {
        log.WriteLine(app.Timings());
        var pack = app.Succeeded("pack");

        var packages = Directory.GetFiles(app.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(NewAppFixture.Packages.Select(id => $"{id}.{app.Version}.nupkg"), packages);
        Assert.DoesNotMatch(WarningLine(), pack.Output);
    }

    [Fact]
    public void The_generated_solution_builds_without_warnings_and_its_tests_pass()
    {
        var test = app.Succeeded("test");

        Assert.DoesNotMatch(WarningLine(), test.Output);
        Assert.Matches(@"Passed!\s+- Failed:\s+0, Passed:\s+5,", test.Output);
    }

    [Fact]
    public void The_generated_app_references_the_packages_of_this_run_and_its_tool_manifest_pins_the_tool()
    {
        app.Succeeded("new");

        Assert.Contains($"""<PackageReference Include="LambdaRoutes.Runtime" Version="{app.Version}" />""",
            File.ReadAllText(Path.Combine(app.Solution, NewAppFixture.AppFolder, NewAppFixture.AppName + ".csproj")));
        Assert.Contains($"\"version\": \"{app.Version}\"", File.ReadAllText(Path.Combine(app.Solution, ".config", "dotnet-tools.json")));
        Assert.True(File.Exists(Path.Combine(app.Solution, ".gitignore")));
        Assert.Contains("\"aws-cdk\": \"2.1148.1\"", File.ReadAllText(Path.Combine(app.Solution, "package.json")));
    }

    [Fact]
    public void The_tool_builds_one_native_aot_bootstrap_per_route()
    {
        app.Succeeded("build");

        var output = Path.Combine(app.Solution, NewAppFixture.AppFolder, ".lambda-routes", "out");
        var bootstraps = Directory.GetFiles(output, "bootstrap", SearchOption.AllDirectories);
        Assert.Equal(3, bootstraps.Length);
        foreach (var bootstrap in bootstraps)
        {
            // An ELF executable: a native binary, not a managed assembly.
            Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(bootstrap)[..4]);
        }
    }

    [Fact]
    public void Dev_answers_real_http_requests_with_the_routes_of_the_app()
    {
        app.Succeeded("dev");

        var hello = app.DevAnswers[0];
        Assert.Equal(200, hello.Status);
        Assert.Equal("application/json", hello.ContentType);
        Assert.Equal("""{"message":"Hello, E2E!"}""", hello.Body);

        var files = app.DevAnswers[1];
        Assert.Equal(200, files.Status);
        Assert.Equal("""{"path":"docs/readme.md","segments":["docs","readme.md"]}""", files.Body);
    }

    [Fact]
    public void Cdk_synth_gives_one_lambda_function_per_route_behind_an_http_api()
    {
        var resources = app.SynthesizedTemplate()["Resources"]!.AsObject();

        var functions = resources.Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Function").ToList();
        Assert.Equal(3, functions.Count);
        Assert.All(functions, f => Assert.Equal("provided.al2023", f.Value!["Properties"]!["Runtime"]!.GetValue<string>()));
        Assert.Single(resources, r => r.Value!["Type"]!.GetValue<string>() == "AWS::ApiGatewayV2::Api");
    }

    [Fact]
    public void Cfn_lint_finds_no_error_and_no_warning_in_the_synthesized_template()
    {
        var lint = app.Succeeded("cfn-lint");

        Assert.Equal("", lint.Output.Trim());
    }
}
