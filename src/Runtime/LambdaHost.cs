using System.Text.Json.Serialization;
using LambdaRoutes.Bootstrap;
using LambdaRoutes.Core;
using LambdaRoutes.RuntimeApi;

namespace LambdaRoutes;

/// <summary>
/// The entry point every route's generated <c>Main</c> calls (docs/architecture.md): it serves the route through the
/// Lambda Runtime API until the process is stopped.
/// </summary>
/// <example>
/// <code>
/// return await LambdaHost.RunAsync(new UserById(), new RouteOptions { Route = "/api/users/[id]" }, AppJson.Default);
/// </code>
/// </example>
public static class LambdaHost
{
    /// <summary>Serves <paramref name="route"/>. Returns the process exit code: 0 after a run-once invocation, non-zero after an init or Runtime API error.</summary>
    /// <param name="route">The route instance.</param>
    /// <param name="options">The route pattern and body settings.</param>
    /// <param name="json">The app's source-generated JSON context, for <c>res.Json&lt;T&gt;</c> and <c>req.Body.As&lt;T&gt;</c>; null when the app has none.</param>
    public static Task<int> RunAsync(IApiRoute route, RouteOptions options, JsonSerializerContext? json = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        return RunAsync(() => route, options, json);
    }

    /// <summary>
    /// Serves the route made by <paramref name="createRoute"/>. Prefer this form in generated code: a constructor that
    /// throws is then reported to the Runtime API's <c>init/error</c> (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) instead of crashing before the loop starts.
    /// </summary>
    public static Task<int> RunAsync(Func<IApiRoute> createRoute, RouteOptions options, JsonSerializerContext? json = null)
    {
        var environment = new SystemEnvironmentVariables();
        // Only the real process entry point touches the GC: tests call the internal overload and keep their host's settings.
        if (MemoryLimit.FromEnvironment(environment) is { } limit) MemoryLimit.Apply(limit);
        return RunAsync(createRoute, options, json, environment, LogSink.FromEnvironment(environment),
            static (endpoint, log) => new RuntimeApiClient(endpoint, log), CancellationToken.None);
    }

    /// <summary>
    /// Serves the Lambda authorizer made by <paramref name="createAuthorizer"/> (an <c>authorizers/&lt;name&gt;.cs</c> file
    /// of the app; docs/deploy.md "Authorizers"). A constructor that throws is reported to <c>init/error</c>.
    /// </summary>
    public static Task<int> RunAsync(Func<ILambdaAuthorizer> createAuthorizer)
    {
        ArgumentNullException.ThrowIfNull(createAuthorizer);
        var environment = new SystemEnvironmentVariables();
        if (MemoryLimit.FromEnvironment(environment) is { } limit) MemoryLimit.Apply(limit);
        return ServeAsync(() => new AuthorizerInvoker(createAuthorizer()), environment, LogSink.FromEnvironment(environment),
            static (endpoint, log) => new RuntimeApiClient(endpoint, log), CancellationToken.None);
    }

    /// <summary>The testable core: environment, log sink and Runtime API client are injected.</summary>
    internal static Task<int> RunAsync(
        Func<IApiRoute> createRoute, RouteOptions options, JsonSerializerContext? json,
        IEnvironmentVariables environment, LogSink log,
        Func<string, Action<string>, IRuntimeApiClient> createClient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createRoute);
        ArgumentNullException.ThrowIfNull(options);
        return ServeAsync(() => new RouteInvoker(createRoute(), options, json), environment, log, createClient, cancellationToken);
    }

    /// <summary>The Runtime API loop around whatever <paramref name="createHandler"/> makes: a route or an authorizer.</summary>
    internal static async Task<int> ServeAsync(
        Func<IInvocationHandler> createHandler,
        IEnvironmentVariables environment, LogSink log,
        Func<string, Action<string>, IRuntimeApiClient> createClient, CancellationToken cancellationToken)
    {
        ILambdaLogger initLogger = new InvocationLogger(log, requestId: null);

        var endpoint = environment.Get("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            initLogger.LogCritical("AWS_LAMBDA_RUNTIME_API is not set: this program is a Lambda bootstrap and must run inside Lambda " +
                                   "(or under `lambda-routes dev`, which emulates the Runtime API).");
            return 2;
        }

        IRuntimeApiClient client;
        try
        {
            client = createClient(endpoint, initLogger.LogError);
        }
        catch (FormatException ex)
        {
            initLogger.LogCritical(ex.Message);
            return 2;
        }

        try
        {
            IInvocationHandler invoker;
            try
            {
                invoker = createHandler();
            }
            catch (Exception ex)
            {
                // aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/LambdaBootstrap.cs: log, report to /init/error, exit non-zero.
                initLogger.LogCritical("Route initialisation failed\n" + ex);
                client.ReportInitializationError(ex, cancellationToken);
                return 1;
            }

            // AWS_LAMBDA_DOTNET_DEBUG_RUN_ONCE is RuntimeSupport's name for the same switch (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/LambdaBootstrap.cs).
            var runOnce = IsTrue(environment.Get("LAMBDA_ROUTES_RUN_ONCE")) || IsTrue(environment.Get("AWS_LAMBDA_DOTNET_DEBUG_RUN_ONCE"));
            using var loop = new InvocationLoop(client, invoker, environment, log);
            await loop.RunAsync(runOnce, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception ex)
        {
            // A Runtime API failure (or a lost connection) is not recoverable in single-concurrency mode (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Bootstrap/LambdaBootstrap.cs).
            initLogger.LogCritical("Runtime API failure, exiting\n" + ex);
            return 1;
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
