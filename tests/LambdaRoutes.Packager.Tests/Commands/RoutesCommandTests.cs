using System.Text.Json;
using LambdaRoutes.Packager.Tests.Support;

namespace LambdaRoutes.Packager.Tests.Commands;

/// <summary>The <c>routes</c> command end to end, in-process: exit codes, stderr diagnostics, the table and the JSON.</summary>
public sealed class RoutesCommandTests
{
    [Fact]
    public async Task A_missing_app_folder_exits_1_with_LR0001()
    {
        var missing = Path.Combine(Path.GetTempPath(), "lambda-routes-tests", "does-not-exist-" + Guid.NewGuid().ToString("N"));

        var result = await CliRun.RunAsync("routes", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error LR0001: App folder '{missing}' does not exist.", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task An_app_without_api_folder_exits_1_with_LR0002()
    {
        using var app = new TempApp();

        var result = await CliRun.RunAsync("routes", app.Dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error LR0002: No api/ folder in", result.Stderr);
    }

    [Fact]
    public async Task An_empty_api_folder_exits_1_with_LR0003()
    {
        using var app = new TempApp().Write("api/_lib/Shared.cs", "namespace X; static class Shared { }");

        var result = await CliRun.RunAsync("routes", app.Dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error LR0003: The api/ folder holds no route files", result.Stderr);
    }

    [Fact]
    public async Task A_route_file_without_route_type_exits_1_naming_the_file()
    {
        using var app = new TempApp().Route("api/ok.cs").Write("api/bad.cs", "namespace X;\npublic record NotARoute(int A);\n");

        var result = await CliRun.RunAsync("routes", app.Dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error LR2001: No public route type", result.Stderr);
        Assert.Contains("  at api/bad.cs:1", result.Stderr);
    }

    [Fact]
    public async Task A_conflict_exits_1_and_lists_the_offending_files()
    {
        using var app = new TempApp().Routes("api/post/index.cs", "api/post/[[...slug]].cs");

        var result = await CliRun.RunAsync("routes", app.Dir, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            """
            error LR1009: You cannot define a route with the same specificity as an optional catch-all route ("/api/post" and "/api/post/[[...slug]]").
              at api/post/index.cs
              at api/post/[[...slug]].cs

            """.ReplaceLineEndings(), result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Json_output_has_the_contract_fields_in_precedence_order()
    {
        using var app = new TempApp().Routes("api/docs/[[...slug]].cs", "api/users/[id].cs", "api/index.cs");

        var result = await CliRun.RunAsync("routes", app.Dir, "--json");

        Assert.Equal(0, result.ExitCode);
        var routes = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["/api", "/api/docs/[[...slug]]", "/api/users/[id]"], routes.Select(r => r.GetProperty("route").GetString()));
        var docs = routes[1];
        Assert.Equal("ApiDocsSlugOptionalCatchAll", docs.GetProperty("id").GetString());
        Assert.Equal("api/docs/[[...slug]].cs", docs.GetProperty("file").GetString());
        Assert.Equal(["/api/docs", "/api/docs/{proxy+}"], docs.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["ANY"], docs.GetProperty("methods").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("TestApp.Api.Rapidocsslugcs", docs.GetProperty("handler").GetString());
        Assert.Equal(256, docs.GetProperty("settings").GetProperty("memorySize").GetInt32());
    }

    [Fact]
    public async Task Human_output_is_an_aligned_table_of_route_file_paths_and_methods()
    {
        using var app = new TempApp().Routes("api/users/[id].cs", "api/index.cs");

        var result = await CliRun.RunAsync("routes", app.Dir);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        var api = lines.Single(l => l.Contains("api/index.cs"));
        var users = lines.Single(l => l.Contains("api/users/[id].cs"));
        Assert.Contains("/api/users/{id}", users);
        Assert.Contains("ANY", users);
        Assert.Equal(api.IndexOf("api/index.cs", StringComparison.Ordinal), users.IndexOf("api/users/[id].cs", StringComparison.Ordinal));
        Assert.True(lines.ToList().IndexOf(api) < lines.ToList().IndexOf(users));
    }
}
