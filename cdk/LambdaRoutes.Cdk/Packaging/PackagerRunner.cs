using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using LambdaRoutes.Cdk.Diagnostics;
using LambdaRoutes.Contracts.Diagnostics;

namespace LambdaRoutes.Cdk.Packaging;

/// <summary>
/// Runs <c>lambda-routes build</c> at synth time, the way CDK's bundling constructs build assets. Caching
/// is the packager's: it rebuilds only routes whose inputs changed (content hashes), so running it on
/// every synth is cheap once built. Within one process an app is built once, however many stacks use it.
/// </summary>
internal static class PackagerRunner
{
    private const int FailureLinesKept = 80;
    private static readonly ConcurrentDictionary<string, Lazy<string>> Built = new(StringComparer.Ordinal);

    /// <summary>Builds the app and returns the path of its <c>manifest.json</c>.</summary>
    /// <exception cref="LambdaRoutesException">The packager could not start or exited non-zero; carries its stderr.</exception>
    public static string Build(string appPath, PackagerOptions options, ApiKind apiKind)
    {
        var appDirectory = Path.GetFullPath(appPath);
        if (!Directory.Exists(appDirectory))
        {
            throw Fail(appDirectory, $"app folder '{appDirectory}' does not exist.");
        }

        PackagerCommand command;
        try
        {
            command = PackagerCommand.For(appDirectory, options, apiKind);
        }
        catch (PackagerNotFoundException e)
        {
            throw Fail(appDirectory, e.Message);
        }

        var key = command.ToString();
        var lazy = Built.GetOrAdd(key, _ => new Lazy<string>(() => Run(appDirectory, command)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed build is not cached: the next synth in this process tries again.
            Built.TryRemove(key, out _);
            throw;
        }
    }

    private static string Run(string appDirectory, PackagerCommand command)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = command.WorkingDirectory ?? "",
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var failureLines = new Queue<string>();
        void Keep(string line)
        {
            lock (failureLines)
            {
                failureLines.Enqueue(line);
                if (failureLines.Count > FailureLinesKept) failureLines.Dequeue();
            }
        }

        using var process = new Process { StartInfo = start };
        // The CDK CLI reads the cloud assembly, not the app's output; progress goes to stderr, where
        // `cdk synth` shows it without mixing it into the template it prints. The failure message keeps
        // stderr plus the compiler errors `dotnet run` prints on stdout when the packager itself does not build.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            Console.Error.WriteLine(e.Data);
            if (e.Data.Contains(": error ", StringComparison.Ordinal)) Keep(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            Console.Error.WriteLine(e.Data);
            Keep(e.Data);
        };

        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw Fail(appDirectory, $"could not start `{command}`: {e.Message}. {PackagerLocator.InstallHint}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();

        if (process.ExitCode != 0)
        {
            string tail;
            lock (failureLines) tail = string.Join(Environment.NewLine, failureLines);
            throw Fail(appDirectory, $"`{command}` exited with code {process.ExitCode}:{Environment.NewLine}{tail}");
        }

        if (!File.Exists(command.ManifestPath))
        {
            throw Fail(appDirectory, $"`{command}` succeeded but wrote no manifest at '{command.ManifestPath}'.");
        }

        return command.ManifestPath;
    }

    private static LambdaRoutesException Fail(string appDirectory, string message) =>
        new($"packaging {appDirectory}", [ConstructDiagnostics.PackagerFailed(message)]);
}
