using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LambdaRoutes.Packager.Tests.Support;
using Xunit.Abstractions;

namespace LambdaRoutes.Packager.Tests.Reliability;

/// <summary>
/// App trees that try to break the walk — symbolic link loops, names that are not UTF-8 or not path segments,
/// broken links, very deep folders, thousands of routes. Each ends in a clear diagnostic and exit 1, or is handled;
/// never an unhandled exception or a runaway walk. Through the CLI in-process (exit code, stdout, stderr).
/// </summary>
public sealed class HostileAppTreeTests(ITestOutputHelper output)
{
    private static async Task<CliResult> Routes(TempApp app, params string[] extra) =>
        await CliRun.RunAsync(["routes", app.Dir, .. extra]).WaitAsync(TimeSpan.FromMinutes(2));

    private static void AssertNoCrash(CliResult result)
    {
        Assert.DoesNotContain("Unhandled exception", result.Stderr + result.Stdout);
        Assert.DoesNotContain("   at ", result.Stderr.Replace("  at api/", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_symlink_back_to_an_ancestor_folder_is_LR0006_not_a_runaway_walk()
    {
        using var app = new TempApp().Routes("api/ok.cs", "api/a/x.cs");
        File.CreateSymbolicLink(Path.Combine(app.Dir, "api", "a", "back"), "..");

        var result = await Routes(app);

        Assert.Equal(1, result.ExitCode);
        AssertNoCrash(result);
        Assert.Contains("error LR0006: Symbolic link loop: api/a/back points to " + Path.Combine(app.Dir, "api"), result.Stderr);
        Assert.Contains("  at api/a/back", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task A_symlink_to_the_app_folder_itself_is_a_loop_too()
    {
        using var app = new TempApp().Routes("api/ok.cs");
        File.CreateSymbolicLink(Path.Combine(app.Dir, "api", "root"), app.Dir);

        var result = await Routes(app);

        Assert.Equal(1, result.ExitCode);
        AssertNoCrash(result);
        Assert.Contains("error LR0006: Symbolic link loop: api/root points to " + app.Dir, result.Stderr);
    }

    [Fact]
    public async Task A_symlink_to_a_sibling_folder_is_followed()
    {
        using var app = new TempApp().Routes("api/v1/items.cs");
        File.CreateSymbolicLink(Path.Combine(app.Dir, "api", "v2"), "v1");
        // The same type twice would be LR1011's business only for equal paths; these differ (/api/v1 vs /api/v2).
        var result = await Routes(app, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var routes = JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray()
            .Select(r => r.GetProperty("route").GetString()).ToArray();
        Assert.Equal(new[] { "/api/v1/items", "/api/v2/items" }, routes);
    }

    [Fact]
    public async Task A_file_name_that_is_not_utf8_is_LR0007()
    {
        using var app = new TempApp().Routes("api/ok.cs");
        // Raw bytes 0xFF 0xFE in a file name; .NET sees them as U+FFFD.
        var dir = Encoding.UTF8.GetBytes(Path.Combine(app.Dir, "api") + "/");
        var name = dir.Concat(new byte[] { (byte)'b', 0xFF, 0xFE, (byte)'.', (byte)'c', (byte)'s' }).ToArray();
        CreateFileRaw(name);

        var result = await Routes(app);

        Assert.Equal(1, result.ExitCode);
        AssertNoCrash(result);
        Assert.Contains("error LR0007: File name is not valid UTF-8", result.Stderr);
        Assert.Contains("  at api/b\uFFFD\uFFFD.cs", result.Stderr);
    }

    /// <summary>Creates a file from a raw byte path (printf octal escapes through sh, since .NET paths are UTF-16).</summary>
    private static void CreateFileRaw(byte[] path)
    {
        var octal = string.Concat(path.Select(b => "\\" + Convert.ToString(b, 8).PadLeft(3, '0')));
        var info = new ProcessStartInfo("/bin/sh", ["-c", $"touch \"$(printf '{octal}')\""]) { UseShellExecute = false };
        using var p = Process.Start(info)!;
        Assert.True(p.WaitForExit(10_000) && p.ExitCode == 0, "could not create the non-UTF-8 file");
    }

    [Fact]
    public async Task A_broken_symlink_route_file_is_LR0008_not_a_crash()
    {
        using var app = new TempApp().Routes("api/ok.cs");
        File.CreateSymbolicLink(Path.Combine(app.Dir, "api", "gone.cs"), "/nonexistent/gone.cs");

        var result = await Routes(app);

        Assert.Equal(1, result.ExitCode);
        AssertNoCrash(result);
        Assert.Contains("error LR0008: Cannot read route file: it is a broken symbolic link (to /nonexistent/gone.cs).", result.Stderr);
        Assert.Contains("  at api/gone.cs", result.Stderr);
    }

    public static TheoryData<string, string, string> BadSegments() => new()
    {
        { "api/a b.cs", "a b", "a space" },
        { "api/q?x/index.cs", "q?x", "'?'" },
        { "api/%2F.cs", "%2F", "'%'" },
        { "api/new\nline.cs", "new\nline", "the control character U+000A" },
        { "api/tab\t.cs", "tab\t", "the control character U+0009" },
        { "api/hash#frag.cs", "hash#frag", "'#'" },
        { "api/back\\slash.cs", "back\\slash", "'\\'" },
        { "api/[a b].cs", "[a b]", "a space" },
        { "api/nbsp\u00A0x.cs", "nbsp\u00A0x", "the space character U+00A0" },
    };

    [Theory]
    [MemberData(nameof(BadSegments))]
    public async Task A_name_that_is_not_a_valid_path_segment_is_LR1013(string file, string name, string why)
    {
        using var app = new TempApp().Routes("api/ok.cs", file);

        var result = await Routes(app);

        Assert.Equal(1, result.ExitCode);
        AssertNoCrash(result);
        Assert.Contains($"error LR1013: '{name}' is not a valid URL path segment: {why} cannot appear in a route's path", result.Stderr);
    }

    [Fact]
    public async Task Group_and_private_names_are_not_url_segments_and_are_not_checked()
    {
        using var app = new TempApp().Routes("api/(my group)/stats.cs", "api/ok.cs").Write("api/_lib/odd name?.cs", "namespace X; static class Y { }");

        var result = await Routes(app, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("\"/api/stats\"", result.Stdout);
    }

    [Fact]
    public async Task A_route_600_folders_deep_is_handled()
    {
        using var app = new TempApp().Routes("api/ok.cs");
        var deep = string.Join("/", Enumerable.Repeat("d", 600));
        app.Route($"api/{deep}/leaf.cs");

        var clock = Stopwatch.StartNew();
        var result = await Routes(app, "--json");
        output.WriteLine($"600-deep tree: exit {result.ExitCode} in {clock.ElapsedMilliseconds} ms");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains($"\"/api/{deep}/leaf\"", result.Stdout);
    }

    [Fact]
    public async Task A_folder_deeper_than_the_os_allows_names_is_still_a_clean_answer()
    {
        // Build as deep as the file system lets us (PATH_MAX 4096 on Linux), then put a route there.
        using var app = new TempApp().Routes("api/ok.cs");
        var path = Path.Combine(app.Dir, "api");
        var depth = 0;
        while (path.Length + 2 + "leaf.cs".Length < 4000) { path = Path.Combine(path, "d"); depth++; }
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "leaf.cs"), "namespace X;\npublic sealed class Leaf : LambdaRoutes.IApiRoute { public Task HandleAsync(LambdaRoutes.ApiRequest q, LambdaRoutes.ApiResponse s) => Task.CompletedTask; }\n");

        var result = await Routes(app, "--json");
        output.WriteLine($"{depth}-deep tree: exit {result.ExitCode}; stderr {result.Stderr.Length} chars");

        AssertNoCrash(result);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(2, JsonDocument.Parse(result.Stdout).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Fifteen_hundred_route_files_are_listed_with_time_and_memory_reported()
    {
        using var app = new TempApp();
        const int folders = 30, perFolder = 50;
        for (var f = 0; f < folders; f++)
            for (var r = 0; r < perFolder; r++)
                app.Route($"api/area{f}/item{r}.cs");
        app.Route("api/area0/[id].cs");

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = await Routes(app, "--json");
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        output.WriteLine($"routes --json over {folders * perFolder + 1} route files: {clock.Elapsed.TotalSeconds:F1} s, " +
                         $"{allocated / 1048576.0:F0} MB allocated, test-host peak working set {peak / 1048576.0:F0} MB");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var routes = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(folders * perFolder + 1, routes.GetArrayLength());
        var ids = routes.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(folders * perFolder + 1, ids.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"took {clock.Elapsed}");
    }
}
