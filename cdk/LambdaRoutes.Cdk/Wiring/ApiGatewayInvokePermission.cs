using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace LambdaRoutes.Cdk.Wiring;

/// <summary>
/// Lets API Gateway invoke a function for one API only: the source ARN is <c>execute-api</c> of that API, narrowed to
/// a resource name (a route function's paths, <see cref="InvokePermissionScope"/>, or
/// <c>authorizers/&lt;id&gt;</c> for an authorizer function), so a function never answers another API.
/// </summary>
internal static class ApiGatewayInvokePermission
{
    public static void Grant(IFunction function, string permissionId, Construct scope, string apiId, string resourceName) =>
        function.AddPermission(permissionId, new Permission
        {
            Principal = new ServicePrincipal("apigateway.amazonaws.com"),
            Action = "lambda:InvokeFunction",
            SourceArn = Stack.Of(scope).FormatArn(new ArnComponents
            {
                Service = "execute-api",
                Resource = apiId,
                ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
                ResourceName = resourceName,
            }),
        });
}
