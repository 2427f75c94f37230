using System.Text.Json.Nodes;
using LambdaRoutes.Contracts.Events;

namespace LambdaRoutes.Testing;

/// <summary>
/// Events as API Gateway sends them after an authorizer let the request through, so a route's use of
/// <c>req.Identity</c> can be tested: HTTP API <c>requestContext.authorizer.jwt</c> / <c>.lambda</c> / <c>.iam</c>
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html), REST
/// <c>requestContext.authorizer</c> and <c>identity</c> (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
/// </summary>
/// <example><c>new HttpApiEventBuilder().Get("/api/pets").WithJwt(new() { ["sub"] = "u1" }, "pets/read")</c></example>
public static class AuthorizerEvents
{
    /// <summary>An HTTP API JWT authorizer's claims (strings, as API Gateway passes them) and the token's scopes.</summary>
    public static HttpApiEventBuilder WithJwt(this HttpApiEventBuilder builder, Dictionary<string, string> claims, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AuthorizerJson = new JsonObject
        {
            ["jwt"] = new JsonObject { ["claims"] = Strings(claims), ["scopes"] = scopes.Length == 0 ? null : Array(scopes) },
        };
        return builder;
    }

    /// <summary>An HTTP API Lambda authorizer's context (its simple or policy response's <c>context</c>).</summary>
    public static HttpApiEventBuilder WithLambdaAuthorizer(this HttpApiEventBuilder builder, Dictionary<string, string> context)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AuthorizerJson = new JsonObject { ["lambda"] = Strings(context) };
        return builder;
    }

    /// <summary>A request signed with IAM credentials (HTTP API, or a function URL with AWS_IAM auth).</summary>
    public static HttpApiEventBuilder SignedBy(this HttpApiEventBuilder builder, string userArn, string accessKey = "AKIAIOSFODNN7EXAMPLE", string accountId = LocalAccount.Id)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AuthorizerJson = new JsonObject
        {
            ["iam"] = new JsonObject
            {
                ["accessKey"] = accessKey, ["accountId"] = accountId, ["callerId"] = UserId(userArn),
                ["cognitoIdentity"] = null, ["principalOrgId"] = null, ["userArn"] = userArn, ["userId"] = UserId(userArn),
            },
        };
        return builder;
    }

    /// <summary>A REST Cognito user pool authorizer's claims; scopes go to the <c>scope</c> claim, as an access token carries them.</summary>
    public static RestApiEventBuilder WithCognito(this RestApiEventBuilder builder, Dictionary<string, string> claims, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var all = new Dictionary<string, string>(claims);
        if (scopes.Length > 0) all["scope"] = string.Join(' ', scopes);
        builder.AuthorizerJson = new JsonObject { ["claims"] = Strings(all) };
        return builder;
    }

    /// <summary>A REST Lambda authorizer's <c>principalId</c> and context, flattened into <c>authorizer</c> as API Gateway does.</summary>
    public static RestApiEventBuilder WithLambdaAuthorizer(this RestApiEventBuilder builder, string principalId, Dictionary<string, string>? context = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var json = Strings(context ?? []);
        json["principalId"] = principalId;
        json["integrationLatency"] = 0;
        builder.AuthorizerJson = json;
        return builder;
    }

    /// <summary>A REST request signed with IAM credentials (<c>requestContext.identity</c>).</summary>
    public static RestApiEventBuilder SignedBy(this RestApiEventBuilder builder, string userArn, string accessKey = "AKIAIOSFODNN7EXAMPLE", string accountId = LocalAccount.Id)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Caller = new SignedCaller(accessKey, accountId, UserId(userArn), UserId(userArn), userArn);
        return builder;
    }

    private static JsonObject Strings(Dictionary<string, string> values) =>
        new(values.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));

    private static JsonArray Array(string[] values) => new(values.Select(v => (JsonNode?)v).ToArray());

    /// <summary>The last part of an ARN (<c>user/Admin</c> → <c>Admin</c>), standing in for the unique id AWS would give.</summary>
    private static string UserId(string arn) => arn[(arn.LastIndexOfAny(['/', ':']) + 1)..];
}
