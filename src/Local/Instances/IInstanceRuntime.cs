namespace LambdaRoutes.Local.Instances;

/// <summary>
/// What plays the runtime of one instance, talking to that instance's Runtime API server as a <c>bootstrap</c> does:
/// a process (<see cref="ProcessRuntime"/>) or the runtime's own loop on a thread of this process
/// (<see cref="InProcessRuntime"/>). Everything else about an instance (its server, the reuse rule, timeouts, limits)
/// is the same for both: <see cref="FunctionInstance"/>.
/// </summary>
internal interface IInstanceRuntime : IAsyncDisposable
{
    /// <summary>The OS process id; 0 for an in-process runtime.</summary>
    int ProcessId { get; }

    /// <summary>Completes with the exit code once the runtime has ended (the process exited, the loop returned).</summary>
    Task<int> Exited { get; }

    /// <summary>Ends the runtime for good; safe to call more than once. <see cref="IAsyncDisposable.DisposeAsync"/> also waits for what can be waited for.</summary>
    void Kill();
}

/// <summary>Starts the runtime of one new instance of a function.</summary>
internal interface IRuntimeLauncher
{
    /// <summary>
    /// Starts a runtime for <paramref name="function"/> pointed at <paramref name="runtimeApi"/> (<c>host:port</c>) with
    /// the environment Lambda gives (<see cref="LambdaEnvironment.For"/>); every line it logs goes to <paramref name="log"/>
    /// (text, true for stderr).
    /// </summary>
    /// <exception cref="System.ComponentModel.Win32Exception">The runtime could not be started (also <see cref="InvalidOperationException"/>, <see cref="IOException"/>).</exception>
    IInstanceRuntime Start(LambdaFunction function, EmulatorOptions options, string runtimeApi, Action<string, bool> log);
}
