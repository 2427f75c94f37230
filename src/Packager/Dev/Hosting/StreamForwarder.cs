namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>Passes a function's streamed chunks to the client writer, reading on after the writer fails.</summary>
internal static class StreamForwarder
{
    /// <summary>
    /// Null when every chunk was written; otherwise the writer's failure. The rest is still read (and dropped): the
    /// runtime waits for its chunks to be taken, so an abandoned stream would hold its instance until the timeout.
    /// </summary>
    public static async Task<Exception?> ForwardAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, Func<ReadOnlyMemory<byte>, Task> write)
    {
        Exception? failure = null;
        await foreach (var chunk in chunks)
        {
            if (failure is not null) continue;
            try
            {
                await write(chunk);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or FormatException or InvalidOperationException)
            {
                failure = ex;
            }
        }

        return failure;
    }
}
