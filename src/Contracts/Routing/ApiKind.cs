// In the construct's namespace on purpose: users choose it on LambdaRoutesApiProps and already import LambdaRoutes.Cdk,
// so moving the one definition here (the packager and the local API Gateway use it too) changes no user's source.
namespace LambdaRoutes.Cdk;

/// <summary>Which API Gateway flavour fronts the route functions.</summary>
public enum ApiKind
{
    /// <summary>HTTP API with Lambda payload format 2.0 (the default: cheaper, faster, carries every Next route tree).</summary>
    Http,

    /// <summary>
    /// REST API with Lambda proxy integrations (payload 1.0). A resource can have only one variable child
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html), so <c>[id]</c> beside <c>[...rest]</c> fails.
    /// </summary>
    Rest,
}
