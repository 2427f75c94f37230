using Amazon.CDK;
using Amazon.CDK.AWS.APIGateway;
using Constructs;
using LambdaRoutes.Cdk.Authorizers;

namespace LambdaRoutes.Cdk.Wiring;

/// <summary>
/// The method options that put the chosen authorizer on REST API methods: one CDK authorizer (Cognito, TOKEN or
/// REQUEST; CDK adds the Lambda permission) per declared one that some route uses, made on first use; <c>AWS_IAM</c>
/// for IAM; none for a public route (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html).
/// </summary>
internal sealed class RestApiAuthorizers(Construct scope, IReadOnlyDictionary<string, RouteAuthorization> byRoute)
{
    private readonly Dictionary<string, IAuthorizer> _made = new(StringComparer.Ordinal);

    public MethodOptions? OptionsFor(string routeId)
    {
        var auth = byRoute[routeId];
        return auth.Authorizer switch
        {
            null => null,
            IamAuthorizer => new MethodOptions { AuthorizationType = AuthorizationType.IAM },
            CognitoAuthorizer => new MethodOptions
            {
                AuthorizationType = AuthorizationType.COGNITO,
                Authorizer = Authorizer(auth),
                AuthorizationScopes = auth.Scopes.Count > 0 ? auth.Scopes.ToArray() : null,
            },
            _ => new MethodOptions { AuthorizationType = AuthorizationType.CUSTOM, Authorizer = Authorizer(auth) },
        };
    }

    private IAuthorizer Authorizer(RouteAuthorization auth)
    {
        var name = auth.Name!;
        if (_made.TryGetValue(name, out var made)) return made;
        var id = "Authorizer" + HttpApiAuthorizers.LogicalIdPart(name);
        made = auth.Authorizer switch
        {
            CognitoAuthorizer cognito => new CognitoUserPoolsAuthorizer(scope, id, new CognitoUserPoolsAuthorizerProps
            {
                AuthorizerName = name,
                CognitoUserPools = [.. cognito.UserPools, .. cognito.UserPoolArns.Select((arn, i) => Amazon.CDK.AWS.Cognito.UserPool.FromUserPoolArn(scope, $"{id}Pool{i}", arn))],
                IdentitySource = cognito.IdentitySource,
                ResultsCacheTtl = Duration.Seconds(cognito.ResultsCacheTtlSeconds),
            }),
            LambdaTokenAuthorizer token => new TokenAuthorizer(scope, id, new TokenAuthorizerProps
            {
                AuthorizerName = name,
                Handler = auth.Function!,
                IdentitySource = token.IdentitySource,
                ValidationRegex = token.ValidationRegex,
                ResultsCacheTtl = Duration.Seconds(token.ResultsCacheTtlSeconds),
            }),
            LambdaRequestAuthorizer request => new RequestAuthorizer(scope, id, new RequestAuthorizerProps
            {
                AuthorizerName = name,
                Handler = auth.Function!,
                IdentitySources = (request.IdentitySources ?? ["method.request.header.Authorization"]).ToArray(),
                ResultsCacheTtl = Duration.Seconds(request.ResultsCacheTtlSeconds),
            }),
            _ => throw new InvalidOperationException($"authorizer '{name}' has no REST API form"),
        };
        _made.Add(name, made);
        return made;
    }
}
