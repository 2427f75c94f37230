namespace LambdaRoutes.Cdk;

/// <summary>Which methods each route is wired for on API Gateway.</summary>
public enum RouteMethods
{
    /// <summary><c>ANY</c> for every route: the runtime answers 405 (with <c>Allow</c>) itself, like Next.js.</summary>
    Any,

    /// <summary>
    /// The verbs a verb-style route exports (<c>GET</c>, <c>POST</c>, …) plus HEAD (with GET) and OPTIONS
    /// (without CORS), which the runtime answers for them; handler-style routes stay <c>ANY</c>. Other
    /// methods then get API Gateway's 404 (HTTP API) or 403 (REST) instead of the runtime's 405.
    /// </summary>
    Exported,
}
