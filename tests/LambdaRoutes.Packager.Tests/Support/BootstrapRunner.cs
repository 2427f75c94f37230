using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Local.RuntimeApi;

namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>What a bootstrap did with one event: its exit code, what it posted back, and its log.</summary>
internal sealed record Invocation(int ExitCode, string Kind, JsonObject Response, string Log);

/// <summary>
/// Runs a built bootstrap as Lambda would, against the local Runtime API server (<see cref="QueuedRuntimeApi"/>), for exactly one event; a bootstrap of
/// another architecture runs under qemu-user.
/// </summary>
internal static class BootstrapRunner
{
    public static async Task<Invocation> InvokeAsync(string bootstrap, string eventJson, string architecture = "x86_64")
    {
        await using var server = await QueuedRuntimeApi.StartAsync();
        var outcome = server.Enqueue(Guid.NewGuid().ToString(), Encoding.UTF8.GetBytes(eventJson)).Answer;
        var (executable, arguments) = Local.ArchitectureLauncher.Command(bootstrap, architecture);
        var start = new ProcessStartInfo(executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = server.Endpoint;
        start.Environment["LAMBDA_ROUTES_RUN_ONCE"] = "true";
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "test";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{bootstrap} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Under qemu-user a cold start on a loaded 2-core machine has taken over 30 s: emulation gets more time, not a timing.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(executable == bootstrap ? 30 : 180));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{bootstrap} did not exit after one invocation. Log:\n{await stdout}{await stderr}");
        }

        var log = await stdout + await stderr;
        if (!outcome.IsCompleted)
        {
            throw new InvalidOperationException($"{bootstrap} exited {process.ExitCode} without answering. Log:\n{log}");
        }

        var answer = await outcome;
        var kind = answer.Kind == RuntimeApiPostKind.Response ? "response" : "error";
        return new Invocation(process.ExitCode, kind, JsonNode.Parse(answer.Body)?.AsObject() ?? [], log);
    }
}
