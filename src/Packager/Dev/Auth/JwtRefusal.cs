using LambdaRoutes.Cdk;
using LambdaRoutes.Local.Gateway;

namespace LambdaRoutes.Packager.Dev.Auth;

/// <summary>
/// What API Gateway answers when its JWT (HTTP API) or Cognito user-pool (REST) authorizer refuses a request, so that a
/// client's token-refresh logic can be tried against <c>lambda-routes dev</c>:
/// <list type="bullet">
/// <item>HTTP API, token refused: 401 <c>{"message":"Unauthorized"}</c> with a <c>www-authenticate</c> header
/// <c>Bearer scope="" error="invalid_token" error_description="…"</c>, as AWS shows it in "Troubleshooting issues with
/// HTTP API JWT authorizers" (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html).
/// AWS publishes one description, for a wrong audience: "the token does not have a valid audience"; the others below
/// are this dev server's words in the same form.</item>
/// <item>HTTP API, valid token without the route's scopes: 403 <c>{"message":"Forbidden"}</c>.</item>
/// <item>REST, expired token: 401 <c>The incoming token has expired</c>, the message Cognito-authorized REST APIs answer
/// and clients test for (as users of aws-amplify/amplify-js report it:
/// https://github.com/aws-amplify/amplify-js/issues/6060); any other refusal, scopes included: 401 <c>Unauthorized</c>.</item>
/// </list>
/// A request without a bearer token is 401 <c>Unauthorized</c> on both kinds (<see cref="NoToken"/>).
/// </summary>
internal static class JwtRefusal
{
    public static GatewayResponse NoToken(ApiKind flavor) => GatewayResponse.Message(flavor, 401, "Unauthorized");

    public static GatewayResponse For(ApiKind flavor, JwtProblem problem)
    {
        if (flavor == ApiKind.Rest)
        {
            return GatewayResponse.Message(flavor, 401, problem == JwtProblem.Expired ? "The incoming token has expired" : "Unauthorized");
        }

        if (problem == JwtProblem.MissingScope) return GatewayResponse.Message(flavor, 403, "Forbidden");
        var unauthorized = GatewayResponse.Message(flavor, 401, "Unauthorized");
        var challenge = $"Bearer scope=\"\" error=\"invalid_token\" error_description=\"{Description(problem)}\"";
        return unauthorized with { Headers = [.. unauthorized.Headers, new("www-authenticate", challenge)] };
    }

    private static string Description(JwtProblem problem) => problem switch
    {
        JwtProblem.Audience => "the token does not have a valid audience",   // AWS's own wording
        JwtProblem.Expired => "the token has expired",
        JwtProblem.NotYetValid => "the token is not valid yet",
        JwtProblem.Issuer => "the token does not have a valid issuer",
        JwtProblem.Signature => "the token signature is invalid",
        _ => "the token is not a valid JWT",
    };
}
