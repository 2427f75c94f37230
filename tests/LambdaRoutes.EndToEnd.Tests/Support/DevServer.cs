using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace LambdaRoutes.EndToEnd.Tests.Support;

/// <summary>What one request to a running <c>lambda-routes dev</c> answered.</summary>
public sealed record DevAnswer(int Status, string? ContentType, string Body);

/// <summary>
/// <c>dotnet lambda-routes dev &lt;app&gt; --port 0</c> as a process: waits for the line that names the address it listens
/// on, sends real HTTP requests, then stops the whole process tree.
/// </summary>
public static partial class DevServer
{
    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)/")]
    private static partial Regex ListeningLine();

    public static async Task<(IReadOnlyList<DevAnswer> Answers, string Output)> AskAsync(string solutionDirectory, string appFolder, TimeSpan startTimeout, params string[] paths)
    {
        var start = Cli.StartInfo(solutionDirectory, "dotnet", ["tool", "run", "lambda-routes", "dev", appFolder, "--port", "0"]);
        var output = new StringBuilder();
        var address = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (ListeningLine().Match(line) is { Success: true } match) address.TrySetResult(match.Groups[1].Value);
        }

        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Exited += (_, _) => address.TrySetException(new InvalidOperationException("lambda-routes dev exited before listening"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var baseAddress = await address.Task.WaitAsync(startTimeout);
            using var http = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromMinutes(2) };
            var answers = new List<DevAnswer>();
            foreach (var path in paths)
            {
                using var response = await http.GetAsync(path);
                answers.Add(new DevAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync()));
            }

            lock (output) return (answers, output.ToString());
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException)
        {
            lock (output) throw new InvalidOperationException($"lambda-routes dev: {e.Message}\n{output}", e);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
