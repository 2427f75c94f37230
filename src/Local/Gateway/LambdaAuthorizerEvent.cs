using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Events;
using System.Text.Json.Nodes;

namespace LambdaRoutes.Local.Gateway;

/// <summary>
/// The event API Gateway sends a Lambda authorizer, made from the route event the request would get (so both agree on
/// headers, query, parameters and context), in the field order of the genuine events (tests/fixtures/authorizer-events):
/// HTTP API REQUEST payload 2.0 with <c>routeArn</c> and <c>identitySource</c>
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html), REST REQUEST with
/// <c>methodArn</c> and the request's maps, or REST TOKEN with <c>authorizationToken</c> and <c>methodArn</c> alone
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html).
/// </summary>
internal static class LambdaAuthorizerEvent
{
    /// <summary>The region in the ARNs of local events.</summary>

    private static readonly string[] HttpFields = ["routeKey", "rawPath", "rawQueryString", "cookies", "headers", "queryStringParameters", "requestContext", "pathParameters", "stageVariables"];

    private static readonly string[] RestFields = ["resource", "path", "httpMethod", "headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables", "requestContext"];

    /// <param name="flavor">The API kind: HTTP API payload 2.0, or REST.</param>
    /// <param name="token">REST only: a TOKEN event rather than a REQUEST one.</param>
    /// <param name="routeEvent">The route's own event (written by <see cref="GatewayEvent"/>).</param>
    /// <param name="identity">The identity source values, in order; for TOKEN, the token alone.</param>
    public static byte[] Build(ApiKind flavor, bool token, byte[] routeEvent, IReadOnlyList<string> identity)
    {
        var source = JsonNode.Parse(routeEvent)!.AsObject();
        var result = new JsonObject();
        if (flavor == ApiKind.Http)
        {
            result["version"] = "2.0";
            result["type"] = "REQUEST";
            result["routeArn"] = Arn(source["requestContext"]!["stage"]!.GetValue<string>(), source["requestContext"]!["http"]!["method"]!.GetValue<string>(), source["rawPath"]!.GetValue<string>());
            result["identitySource"] = new JsonArray(identity.Select(v => (JsonNode?)v).ToArray());
            Copy(source, result, HttpFields);
        }
        else
        {
            var arn = Arn(source["requestContext"]!["stage"]!.GetValue<string>(), source["httpMethod"]!.GetValue<string>(), source["path"]!.GetValue<string>());
            result["type"] = token ? "TOKEN" : "REQUEST";
            if (token) result["authorizationToken"] = identity[0];
            result["methodArn"] = arn;
            if (!token) Copy(source, result, RestFields);
        }

        return EventJson.Bytes(result);
    }

    /// <summary><c>arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{method}/{path}</c> (https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html).</summary>
    public static string Arn(string stage, string method, string path) =>
        $"arn:aws:execute-api:{LocalAccount.Region}:{GatewayIdentifiers.AccountId}:{GatewayIdentifiers.ApiId}/{stage}/{method}/{path.TrimStart('/')}";

    private static void Copy(JsonObject from, JsonObject to, IEnumerable<string> fields)
    {
        foreach (var field in fields)
            if (from.TryGetPropertyValue(field, out var value)) to[field] = value?.DeepClone();   // REST keeps its null maps
    }
}
