namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>A throwaway app folder under the system temp dir: a .csproj and whatever route files a test writes.</summary>
internal sealed class TempApp : IDisposable
{
    public TempApp(string name = "TestApp", bool withProject = true)
    {
        Dir = Path.Combine(Path.GetTempPath(), "lambda-routes-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Dir);
        if (withProject)
        {
            Write($"{name}.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        }
    }

    public string Dir { get; }

    /// <summary>Writes a file relative to the app folder, creating folders on the way.</summary>
    public TempApp Write(string relativePath, string content)
    {
        var path = Path.Combine(Dir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary>Writes a minimal handler-style route file; the class name is derived from the path so every file is distinct.</summary>
    public TempApp Route(string relativePath, string? attribute = null)
    {
        var name = "R" + string.Concat(relativePath.Where(char.IsAsciiLetterOrDigit));
        return Write(relativePath, $$"""
            namespace TestApp.Api;

            {{attribute}}
            public sealed class {{name}} : LambdaRoutes.IApiRoute
            {
                public Task HandleAsync(LambdaRoutes.ApiRequest req, LambdaRoutes.ApiResponse res) => Task.CompletedTask;
            }
            """);
    }

    public TempApp Routes(params string[] relativePaths)
    {
        foreach (var path in relativePaths)
        {
            Route(path);
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file; the temp folder is cleaned by the OS later.
        }
    }
}
