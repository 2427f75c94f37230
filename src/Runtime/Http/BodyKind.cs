namespace LambdaRoutes;

/// <summary>How the request body was parsed before the handler ran (Next.js packages/next/src/server/api-utils/node/parse-body.ts).</summary>
public enum BodyKind
{
    /// <summary>No body and no JSON/form content type.</summary>
    None = 0,
    /// <summary><c>application/json</c> or <c>application/ld+json</c>: <see cref="RequestBody.Json"/> is set (an empty body is <c>{}</c>).</summary>
    Json,
    /// <summary><c>application/x-www-form-urlencoded</c>: <see cref="RequestBody.Form"/> is set.</summary>
    Form,
    /// <summary>Any other content type: <see cref="RequestBody.Text"/> is the body decoded with its charset.</summary>
    Text,
    /// <summary>Body parsing is off for the route (Next's <c>bodyParser: false</c>): only <see cref="RequestBody.Bytes"/>.</summary>
    Raw,
}
