using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Events;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LambdaRoutes.Local.Gateway;

/// <summary>
/// A Lambda authorizer's answer as API Gateway reads it: an HTTP API simple response <c>{"isAuthorized", "context"}</c>
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html), or an IAM policy
/// with <c>principalId</c> and <c>context</c>, allowing the call when a statement allows <c>execute-api:Invoke</c> on the
/// method ARN and none denies it (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html).
/// </summary>
/// <param name="Allowed">The call may go on.</param>
/// <param name="ExplicitDeny">A policy statement denied it (REST answers a different message than for a missing allow).</param>
/// <param name="PrincipalId">The policy's <c>principalId</c> (REST only).</param>
/// <param name="Context">The context, as the JSON object the route will see.</param>
internal sealed record LambdaAuthorizerAnswer(bool Allowed, bool ExplicitDeny, string? PrincipalId, JsonObject Context)
{
    /// <summary>Null (with why) when the payload is not an answer API Gateway accepts: it then answers 500.</summary>
    public static LambdaAuthorizerAnswer? Parse(byte[] payload, bool simple, string methodArn, out string? problem)
    {
        problem = null;
        JsonObject root;
        try
        {
            if (JsonNode.Parse(payload) is not JsonObject parsed)
            {
                problem = "the answer is not a JSON object";
                return null;
            }

            root = parsed;
        }
        catch (JsonException ex)
        {
            problem = "the answer is not JSON: " + ex.Message;
            return null;
        }

        var context = root["context"] is JsonObject c ? (JsonObject)c.DeepClone() : new JsonObject();
        if (simple)
        {
            if (root["isAuthorized"] is not JsonValue value || value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                problem = "a simple response needs \"isAuthorized\": true or false";
                return null;
            }

            var allowed = value.GetValue<bool>();
            return new LambdaAuthorizerAnswer(allowed, !allowed, null, context);
        }

        var principal = root["principalId"] is JsonValue p && p.GetValueKind() == JsonValueKind.String ? p.GetValue<string>() : null;
        if (principal is null || root["policyDocument"]?["Statement"] is not JsonArray statements)
        {
            problem = "a policy answer needs \"principalId\" and \"policyDocument\".\"Statement\"";
            return null;
        }

        bool allow = false, deny = false;
        foreach (var statement in statements.OfType<JsonObject>())
        {
            if (!Values(statement["Action"]).Any(a => Matches(a, "execute-api:Invoke")) || !Values(statement["Resource"]).Any(r => Matches(r, methodArn))) continue;
            var effect = statement["Effect"] is JsonValue e && e.GetValueKind() == JsonValueKind.String ? e.GetValue<string>() : "";
            allow |= effect == "Allow";
            deny |= effect == "Deny";
        }

        return new LambdaAuthorizerAnswer(allow && !deny, deny, principal, context);
    }

    /// <summary>
    /// The route event with <c>requestContext.authorizer</c> as API Gateway writes it after this answer: HTTP API
    /// <c>{"lambda": context}</c>; REST the context's values as strings with <c>principalId</c> and <c>integrationLatency</c> beside them.
    /// </summary>
    public byte[] Stamp(byte[] routeEvent, ApiKind flavor, int latencyMs)
    {
        var root = JsonNode.Parse(routeEvent)!.AsObject();
        var authorizer = new JsonObject();
        if (flavor == ApiKind.Http)
        {
            authorizer["lambda"] = Context.DeepClone();
        }
        else
        {
            foreach (var (name, value) in Context) authorizer[name] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString();
            authorizer["principalId"] = PrincipalId;
            authorizer["integrationLatency"] = latencyMs;
        }

        root["requestContext"]!["authorizer"] = authorizer;
        return EventJson.Bytes(root);
    }

    /// <summary>
    /// API Gateway's answers when the authorizer refuses or fails
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html).
    /// </summary>
    public static GatewayResponse Refusal(ApiKind flavor, bool explicitDeny) => flavor == ApiKind.Http
        ? GatewayResponse.Message(flavor, 403, "Forbidden")
        : Json(403, "AccessDeniedException", explicitDeny
            ? "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}"
            : "{\"Message\":\"User is not authorized to access this resource\"}");

    /// <summary>The authorizer failed (error, timeout, malformed answer): HTTP API 500; REST 500 with a null message.</summary>
    public static GatewayResponse Failure(ApiKind flavor) => flavor == ApiKind.Http
        ? GatewayResponse.Message(flavor, 500, "Internal Server Error")
        : Json(500, "AuthorizerConfigurationException", "{\"message\": null}");

    private static GatewayResponse Json(int status, string errorType, string body) =>
        new(status, [new("Content-Type", "application/json"), new("x-amzn-ErrorType", errorType)], Encoding.UTF8.GetBytes(body));

    private static IEnumerable<string> Values(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    /// <summary>IAM's wildcards: <c>*</c> any run of characters, <c>?</c> one.</summary>
    private static bool Matches(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
