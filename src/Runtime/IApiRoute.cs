namespace LambdaRoutes;

/// <summary>
/// A handler-style route, the C# shape of a Next.js Pages Router API route
/// (<c>export default function handler(req, res)</c>): every HTTP method reaches <see cref="HandleAsync"/>.
/// </summary>
/// <example>
/// <code>
/// public sealed class Hello : IApiRoute
/// {
///     public Task HandleAsync(ApiRequest req, ApiResponse res)
///     {
///         res.Status(200).Json(new JsonObject { ["name"] = "John Doe" });
///         return Task.CompletedTask;
///     }
/// }
/// </code>
/// </example>
public interface IApiRoute
{
    /// <summary>Handles one request. The body has already been parsed and size-checked.</summary>
    Task HandleAsync(ApiRequest req, ApiResponse res);
}
