using LambdaRoutes.Core;
using LambdaRoutes.RuntimeApi;

namespace LambdaRoutes.Bootstrap;

/// <summary>
/// The Runtime API loop (aws.md §1.4, §7): get the next event, build its context, run the handler, post the response;
/// a handler that throws is reported to <c>/error</c> and the loop goes on. Only a Runtime API failure ends it.
/// </summary>
internal sealed class InvocationLoop
{
    private readonly IRuntimeApiClient _client;
    private readonly Func<ReadOnlyMemory<byte>, ILambdaContext, Task<byte[]>> _handler;
    private readonly IEnvironmentVariables _environment;
    private readonly FunctionEnvironment _function;
    private readonly LogSink _log;
    private readonly Func<ReadOnlyMemory<byte>, ILambdaContext, Func<ReadOnlyMemory<byte>, Task>, Task>? _streamingHandler;

    public InvocationLoop(
        IRuntimeApiClient client, Func<ReadOnlyMemory<byte>, ILambdaContext, Task<byte[]>> handler,
        IEnvironmentVariables environment, LogSink log,
        Func<ReadOnlyMemory<byte>, ILambdaContext, Func<ReadOnlyMemory<byte>, Task>, Task>? streamingHandler = null)
    {
        _client = client;
        _handler = handler;
        _streamingHandler = streamingHandler;
        _environment = environment;
        _function = FunctionEnvironment.From(environment);
        _log = log;
    }

    /// <summary>Serves invocations until cancelled, or one when <paramref name="runOnce"/> (<c>LAMBDA_ROUTES_RUN_ONCE</c>).</summary>
    /// <exception cref="RuntimeApiException">The Runtime API failed; the process should exit non-zero.</exception>
    public async Task RunAsync(bool runOnce, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await InvokeOnceAsync(cancellationToken).ConfigureAwait(false);
            if (runOnce) return;
        }
    }

    internal async Task InvokeOnceAsync(CancellationToken cancellationToken)
    {
        var invocation = await _client.GetNextInvocationAsync(cancellationToken).ConfigureAwait(false);
        // Custom runtimes do not get _X_AMZN_TRACE_ID from Lambda; the runtime sets it per invoke (aws.md §1.2).
        _environment.Set("_X_AMZN_TRACE_ID", invocation.TraceId);
        ILambdaLogger logger = new InvocationLogger(_log, invocation.RequestId, invocation.TraceId);
        var context = new LambdaContext(invocation.RequestId, invocation.DeadlineMs, invocation.InvokedFunctionArn,
            invocation.TraceId, invocation.TenantId, _function, logger);

        byte[] output;
        using (var finished = new CancellationTokenSource())
        {
            _ = WarnNearDeadlineAsync(logger, invocation.DeadlineMs, finished.Token);
            if (_streamingHandler is { } stream)
            {
                // Response streaming (aws.md §1.6): the response is posted while the handler runs; a failure after the
                // first chunk cannot go to /error any more, so the client sends it in the trailers and we log it here.
                try
                {
                    var failure = await _client.SendStreamingResponseAsync(invocation.RequestId,
                        write => stream(invocation.Payload, context, write), cancellationToken).ConfigureAwait(false);
                    if (failure is not null) logger.LogError(failure, "Invocation failed mid-stream; reported in the error trailers");
                }
                finally
                {
                    finished.Cancel();
                }
                return;
            }
            try
            {
                output = await _handler(invocation.Payload, context).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Invocation failed");
                await _client.ReportInvocationErrorAsync(invocation.RequestId, ex, cancellationToken).ConfigureAwait(false);
                return;
            }
            finally
            {
                finished.Cancel();
            }
        }
        await _client.SendResponseAsync(invocation.RequestId, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How long before the deadline a still-running invocation is reported.</summary>
    internal static readonly TimeSpan DeadlineWarningMargin = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Lambda stops a timed-out invocation without a word in the function's own log; say which request it was while
    /// the process can still write (the logger carries the request id).
    /// </summary>
    private static async Task WarnNearDeadlineAsync(ILambdaLogger logger, long deadlineMs, CancellationToken finished)
    {
        if (deadlineMs <= 0) return;
        var left = TimeSpan.FromMilliseconds(deadlineMs - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        try
        {
            var wait = left - DeadlineWarningMargin;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, finished).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (finished.IsCancellationRequested) return;
        logger.LogWarning(left <= TimeSpan.Zero
            ? "The invocation's deadline had already passed when it arrived; Lambda may stop it at any moment."
            : $"The invocation is still running {DeadlineWarningMargin.TotalMilliseconds:F0} ms before its deadline; Lambda will stop it there (Task timed out).");
    }
}
