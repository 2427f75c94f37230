namespace LambdaRoutes.Dev.Tests.Support;

/// <summary>
/// A copy of samples/Hello in a temp folder, plus test routes the sample lacks (api/echo.cs, api/boom.cs, api/slow.cs, api/broken.cs,
/// api/drip.cs from TestApp/*.cs.txt). The copy imports the repository's Directory.*.props and references the runtime project by
/// absolute path, so it builds exactly like the sample.
/// </summary>
internal sealed class TestApp : IDisposable
{
    private static readonly Lazy<TestApp> SharedApp = new(() =>
    {
        var app = Create("shared");
        // Its AOT output is hundreds of MB: remove it when the test run ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.Dispose();
        return app;
    });

    private TestApp(string dir) => Dir = dir;

    public string Dir { get; }

    /// <summary>One copy shared by the fixtures that do not modify it: built once, reused (incremental builds).</summary>
    public static TestApp Shared => SharedApp.Value;

    public static string RepoRoot { get; } = FindRepoRoot();

    public static TestApp Create(string label)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"lambda-routes-dev-{label}-{Guid.NewGuid():N}"[..40], "Hello");
        CopySample(Path.Combine(RepoRoot, "samples", "Hello"), dir);
        var project = Path.Combine(dir, "Hello.csproj");
        var runtime = Path.Combine(RepoRoot, "src", "Runtime", "LambdaRoutes.Runtime.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("../../src/Runtime/LambdaRoutes.Runtime.csproj", runtime));
        File.WriteAllText(Path.Combine(dir, "..", "Directory.Build.props"),
            $"<Project>\n  <Import Project=\"{Path.Combine(RepoRoot, "Directory.Build.props")}\" />\n</Project>\n");
        File.WriteAllText(Path.Combine(dir, "..", "Directory.Packages.props"),
            $"<Project>\n  <Import Project=\"{Path.Combine(RepoRoot, "Directory.Packages.props")}\" />\n</Project>\n");
        foreach (var route in new[] { "echo", "boom", "slow", "broken", "drip" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "TestApp", route + ".cs.txt"), Path.Combine(dir, "api", route + ".cs"));
        }

        return new TestApp(dir);
    }

    private static void CopySample(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" or ".lambda-routes")
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LambdaRoutes.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LambdaRoutes.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Dir)!, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the OS eventually.
        }
    }
}
