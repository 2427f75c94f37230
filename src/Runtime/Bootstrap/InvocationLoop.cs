using LambdaRoutes.Core;
using LambdaRoutes.RuntimeApi;

namespace LambdaRoutes.Bootstrap;

/// <summary>
/// The Runtime API loop (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html; aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/LambdaBootstrap.cs): get the next event, build its context, run the handler, post the response;
/// a handler that throws is reported to <c>/error</c> and the loop goes on. Only a Runtime API failure ends it.
/// </summary>
/// <remarks>
/// Runtime API calls block (<see cref="RuntimeHttpConnection"/>), so a handler that completes synchronously keeps the
/// whole loop on the process's main thread: no thread-pool hand-off per invocation.
/// </remarks>
internal sealed class InvocationLoop : IDisposable
{
    private readonly IRuntimeApiClient _client;
    private readonly IInvocationHandler _handler;
    private readonly bool _streams;
    private readonly IEnvironmentVariables _environment;
    private readonly FunctionEnvironment _function;
    private readonly LogSink _log;
    private readonly DeadlineWatchdog _watchdog;

    public InvocationLoop(
        IRuntimeApiClient client, IInvocationHandler handler, IEnvironmentVariables environment, LogSink log,
        DeadlineWatchdog? watchdog = null)
    {
        _watchdog = watchdog ?? new DeadlineWatchdog();
        _client = client;
        _handler = handler;
        _streams = handler.Streams;
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

    /// <summary>Stops the deadline timer, if one was ever created.</summary>
    public void Dispose() => _watchdog.Dispose();

    internal async Task InvokeOnceAsync(CancellationToken cancellationToken)
    {
        var invocation = _client.GetNextInvocation(cancellationToken);
        // Custom runtimes do not get _X_AMZN_TRACE_ID from Lambda; the runtime sets it per invoke (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html).
        _environment.Set("_X_AMZN_TRACE_ID", invocation.TraceId);
        ILambdaLogger logger = new InvocationLogger(_log, invocation.RequestId, invocation.TraceId);
        var context = new LambdaContext(invocation.RequestId, invocation.DeadlineMs, invocation.InvokedFunctionArn,
            invocation.TraceId, invocation.TenantId, _function, logger,
            clientContextHeader: invocation.ClientContext, cognitoIdentityHeader: invocation.CognitoIdentity);

        byte[] output;
        _watchdog.CheckOnArrival(logger, invocation.DeadlineMs);
        try
        {
            if (_streams)
            {
                // Response streaming (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): the response is posted while the handler runs; a failure after the
                // first chunk cannot go to /error any more, so the client sends it in the trailers and we log it here.
                var streaming = _client.SendStreamingResponseAsync(invocation.RequestId,
                    write => _handler.InvokeStreamingAsync(invocation.Payload, context, write), cancellationToken);
                if (!streaming.IsCompleted) _watchdog.Arm(logger, invocation.DeadlineMs);
                var failure = await streaming.ConfigureAwait(false);
                if (failure is not null) logger.LogError(failure, "Invocation failed mid-stream; reported in the error trailers");
                return;
            }
            try
            {
                var pending = _handler.InvokeAsync(invocation.Payload, context);
                if (!pending.IsCompleted) _watchdog.Arm(logger, invocation.DeadlineMs);
                output = await pending.ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Invocation failed");
                _client.ReportInvocationError(invocation.RequestId, ex, cancellationToken);
                return;
            }
        }
        finally
        {
            _watchdog.Disarm();
        }
        _client.SendResponse(invocation.RequestId, output, cancellationToken);
    }
}
