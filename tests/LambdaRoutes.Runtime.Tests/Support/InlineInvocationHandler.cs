using LambdaRoutes.Bootstrap;

namespace LambdaRoutes.Runtime.Tests.Support;

/// <summary>A buffered invocation handler written inline, for driving the Runtime API loop without a route.</summary>
internal sealed class InlineInvocationHandler(Func<ReadOnlyMemory<byte>, ILambdaContext, Task<byte[]>> invoke) : IInvocationHandler
{
    public bool Streams => false;

    public Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context) => invoke(eventJson, context);

    public Task InvokeStreamingAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context, Func<ReadOnlyMemory<byte>, Task> write) =>
        throw new InvalidOperationException("The loop streamed on a buffered handler.");
}
