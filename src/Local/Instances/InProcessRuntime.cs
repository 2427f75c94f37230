using LambdaRoutes.Bootstrap;
using LambdaRoutes.Core;

namespace LambdaRoutes.Local.Instances;

/// <summary>
/// An instance's runtime inside this process: the runtime's own Runtime API loop (<c>LambdaHost.ServeAsync</c>, the code
/// a <c>bootstrap</c> runs) on a thread of its own, over HTTP to the instance's Runtime API server, with the environment
/// Lambda would give (as an <see cref="IEnvironmentVariables"/>, not the process's) and its log records as the instance's
/// log lines. A handler factory that throws is reported to <c>/init/error</c> by the runtime itself.
/// Killing it cancels the loop (the runtime closes its Runtime API connection) and the instance's server stops; a
/// handler still running cannot be stopped in-process: its thread runs on until the handler returns, but the instance
/// is dead and never given another invocation.
/// </summary>
internal sealed class InProcessRuntime : IInstanceRuntime
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private InProcessRuntime()
    {
    }

    public int ProcessId => 0;

    public Task<int> Exited => _exited.Task;

    /// <summary>Instances that run <paramref name="createHandler"/>'s handler, one made per instance (its init).</summary>
    public static IRuntimeLauncher Launcher(Func<IInvocationHandler> createHandler) => new InProcessLauncher(createHandler);

    private void Run(Func<IInvocationHandler> createHandler, IEnvironmentVariables environment, LogSink log)
    {
        var code = -1;
        try
        {
            code = LambdaHost.ServeAsync(() => new ThreadBoundHandler(createHandler()), environment, log,
                static (endpoint, logError) => new global::LambdaRoutes.RuntimeApi.RuntimeApiClient(endpoint, logError), _stop.Token).GetAwaiter().GetResult();
        }
        finally
        {
            _exited.TrySetResult(code);
        }
    }

    public void Kill() => _stop.Cancel();

    /// <summary>Kills the loop; there is nothing to wait for that can be made to end (see the class remarks).</summary>
    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private sealed class InProcessLauncher(Func<IInvocationHandler> createHandler) : IRuntimeLauncher
    {
        public IInstanceRuntime Start(LambdaFunction function, EmulatorOptions options, string runtimeApi, Action<string, bool> log)
        {
            var environment = new InstanceEnvironment(LambdaEnvironment.For(function, options, runtimeApi, LambdaEnvironment.TaskRoot(function)));
            var sink = new LogSink(new LogLineStream(line => log(line, false)), LogOptions.From(environment));
            var runtime = new InProcessRuntime();
            // A dedicated thread, as a bootstrap has its main thread: the loop's Runtime API calls block, and an idle
            // instance waits in /next, which would hold a thread-pool thread per idle instance.
            var thread = new Thread(() => runtime.Run(createHandler, environment, sink))
            {
                IsBackground = true,
                Name = $"{function.Name} runtime",
            };
            thread.Start();
            return runtime;
        }
    }
}
