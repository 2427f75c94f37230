using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using LambdaRoutes.Cdk.Authorizers;

namespace LambdaRoutes.Cdk.Wiring;

/// <summary>
/// Puts the chosen authorizer on HTTP API routes: one <c>AWS::ApiGatewayV2::Authorizer</c> per declared JWT or Lambda
/// authorizer that some route uses (made on first use), <c>AWS_IAM</c> for IAM, nothing for a public route
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html).
/// </summary>
internal sealed class HttpApiAuthorizers(Construct scope, HttpApi api, IReadOnlyDictionary<string, RouteAuthorization> byRoute)
{
    private readonly Dictionary<string, CfnAuthorizer> _made = new(StringComparer.Ordinal);

    public void Guard(CfnRoute route, string routeId)
    {
        var auth = byRoute[routeId];
        switch (auth.Authorizer)
        {
            case null:
                break;   // CloudFormation's default, NONE: left unset so templates of apps without authorizers keep their shape
            case IamAuthorizer:
                route.AuthorizationType = "AWS_IAM";
                break;
            case JwtAuthorizer:
                route.AuthorizationType = "JWT";
                route.AuthorizerId = Authorizer(auth).Ref;
                if (auth.Scopes.Count > 0) route.AuthorizationScopes = auth.Scopes.ToArray();
                break;
            case LambdaRequestAuthorizer:
                route.AuthorizationType = "CUSTOM";
                route.AuthorizerId = Authorizer(auth).Ref;
                break;
        }
    }

    private CfnAuthorizer Authorizer(RouteAuthorization auth)
    {
        var name = auth.Name!;
        if (_made.TryGetValue(name, out var made)) return made;
        var id = "Authorizer" + LogicalIdPart(name);
        made = auth.Authorizer switch
        {
            JwtAuthorizer jwt => new CfnAuthorizer(scope, id, new CfnAuthorizerProps
            {
                ApiId = api.ApiId,
                Name = name,
                AuthorizerType = "JWT",
                IdentitySource = [jwt.IdentitySource],
                JwtConfiguration = new CfnAuthorizer.JWTConfigurationProperty { Issuer = jwt.Issuer, Audience = jwt.Audiences.ToArray() },
            }),
            LambdaRequestAuthorizer lambda => LambdaAuthorizer(id, name, lambda, auth.Function!),
            _ => throw new InvalidOperationException($"authorizer '{name}' has no HTTP API form"),
        };
        _made.Add(name, made);
        return made;
    }

    private CfnAuthorizer LambdaAuthorizer(string id, string name, LambdaRequestAuthorizer lambda, IFunction handler)
    {
        var authorizer = new CfnAuthorizer(scope, id, new CfnAuthorizerProps
        {
            ApiId = api.ApiId,
            Name = name,
            AuthorizerType = "REQUEST",
            AuthorizerUri = $"arn:{Aws.PARTITION}:apigateway:{Aws.REGION}:lambda:path/2015-03-31/functions/{handler.FunctionArn}/invocations",
            AuthorizerPayloadFormatVersion = "2.0",
            EnableSimpleResponses = lambda.SimpleResponses,
            IdentitySource = (lambda.IdentitySources ?? ["$request.header.Authorization"]).ToArray(),
            AuthorizerResultTtlInSeconds = lambda.ResultsCacheTtlSeconds,
        });
        // API Gateway invokes the authorizer function itself: allow exactly this authorizer of this API.
        // The id names this API's construct path, so one function can serve authorizers of several APIs.
        ApiGatewayInvokePermission.Grant(handler, $"InvokeBy{Names.UniqueId(scope)}{id}", scope, api.ApiId, "authorizers/" + authorizer.Ref);
        return authorizer;
    }

    /// <summary>Authorizer names allow <c>-</c> and <c>_</c>; logical ids only letters and digits.</summary>
    internal static string LogicalIdPart(string name) =>
        string.Concat(name.Split('-', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
