using LambdaRoutes.Core;
using LambdaRoutes.Local.Gateway;
using LambdaRoutes.Contracts.Events;

namespace LambdaRoutes.Packager.Dev.Hosting;

/// <summary>
/// The Lambda context of an in-process invocation: the runtime's own context and logger (the ones a bootstrap builds from
/// the Runtime API's headers), filled from the route's settings instead, so a route sees the same fields and the same log
/// format in both modes (https://docs.aws.amazon.com/lambda/latest/dg/csharp-context.html). The deadline is the route's
/// timeout from now.
/// </summary>
internal static class InProcessContext
{
    public static ILambdaContext Create(string functionName, string instance, int memorySize, TimeSpan timeout, Action<string> write)
    {
        var requestId = Guid.NewGuid().ToString();
        var function = new FunctionEnvironment(functionName, "$LATEST", memorySize, "/aws/lambda/" + functionName,
            $"{DateTime.UtcNow:yyyy/MM/dd}/[$LATEST]dev");
        var logger = new InvocationLogger(new LogSink(new DevLogStream($"  [{instance}] ", write)), requestId);
        var deadlineMs = DateTimeOffset.UtcNow.Add(timeout).ToUnixTimeMilliseconds();
        return new LambdaContext(requestId, deadlineMs,
            $"arn:aws:lambda:{LocalAccount.Region}:{LocalAccount.Id}:function:{functionName}",
            traceId: null, tenantId: null, function, logger);
    }
}
