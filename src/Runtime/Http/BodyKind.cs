namespace LambdaRoutes;

/// <summary>What the request body is by its Content-Type (handler style: as parsed before the handler ran).</summary>
public enum BodyKind
{
    /// <summary>No body and no JSON/form content type.</summary>
    None = 0,
    /// <summary><c>application/json</c> or <c>application/ld+json</c>: read it with <see cref="RequestBody.Json"/> (handler style: an empty body is <c>{}</c>).</summary>
    Json,
    /// <summary><c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>: read it with <see cref="RequestBody.Form"/> / <see cref="RequestBody.FormData"/>.</summary>
    Form,
    /// <summary>Any other content type: <see cref="RequestBody.Text"/> is the body decoded (handler style: with its charset).</summary>
    Text,
    /// <summary>Body parsing is off for the route (Next's <c>bodyParser: false</c>): only <see cref="RequestBody.Bytes"/>.</summary>
    Raw,
}
