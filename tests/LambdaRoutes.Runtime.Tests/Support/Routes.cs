namespace LambdaRoutes.Runtime.Tests.Support;

/// <summary>A route written inline: the handler is a lambda.</summary>
internal sealed class InlineRoute(Func<ApiRequest, ApiResponse, Task> handle) : IApiRoute
{
    public InlineRoute(Action<ApiRequest, ApiResponse> handle) : this((req, res) => { handle(req, res); return Task.CompletedTask; }) { }

    public Task HandleAsync(ApiRequest req, ApiResponse res) => handle(req, res);
}
