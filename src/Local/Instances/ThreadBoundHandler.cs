using LambdaRoutes.Bootstrap;

namespace LambdaRoutes.Local.Instances;

/// <summary>
/// Keeps an in-process instance's loop on its own thread: each invocation is waited for there, so the loop goes back to
/// <c>/next</c> (a blocking call) from that thread and never from a thread-pool thread that an awaiting handler resumed
/// on. The handler's own continuations still run on the pool, as in a bootstrap. The price: the runtime's deadline
/// warning (armed only for a handler still running when it returns) never fires in-process; the emulator enforces the
/// timeout either way.
/// </summary>
internal sealed class ThreadBoundHandler(IInvocationHandler handler) : IInvocationHandler
{
    public bool Streams => handler.Streams;

    public Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context) =>
        WaitFor(handler.InvokeAsync(eventJson, context));

    public Task InvokeStreamingAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context, Func<ReadOnlyMemory<byte>, Task> write) =>
        WaitFor(handler.InvokeStreamingAsync(eventJson, context, write));

    /// <summary>The same task, completed: its result or failure is still the loop's to report.</summary>
    private static T WaitFor<T>(T pending)
        where T : Task
    {
        if (!pending.IsCompleted)
        {
            ((IAsyncResult)pending).AsyncWaitHandle.WaitOne();
        }

        return pending;
    }
}
