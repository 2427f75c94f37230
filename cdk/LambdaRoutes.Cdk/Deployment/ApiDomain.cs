using Amazon.CDK;
using Constructs;
using V1 = Amazon.CDK.AWS.APIGateway;
using V2 = Amazon.CDK.AWS.Apigatewayv2;

namespace LambdaRoutes.Cdk.Deployment;

/// <summary>
/// A custom domain name (regional, TLS 1.2) mapped to the API's stage under an optional base path, with the URL on it
/// and the target a DNS record must point to as stack outputs
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-custom-domains.html).
/// </summary>
internal static class ApiDomain
{
    public static void MapHttp(Construct scope, ApiDomainOptions options, V2.HttpApi api, V2.IHttpStage stage)
    {
        var domain = new V2.DomainName(scope, "CustomDomain", new V2.DomainNameProps
        {
            DomainName = options.DomainName,
            Certificate = options.Certificate,
            EndpointType = V2.EndpointType.REGIONAL,
            SecurityPolicy = V2.SecurityPolicy.TLS_1_2,
        });
        new V2.ApiMapping(scope, "CustomDomainMapping", new V2.ApiMappingProps
        {
            Api = api,
            DomainName = domain,
            Stage = stage,
            ApiMappingKey = options.BasePath,
        });
        AddOutputs(scope, options, domain.RegionalDomainName);
    }

    public static void MapRest(Construct scope, ApiDomainOptions options, V1.RestApi api)
    {
        var domain = new V1.DomainName_(scope, "CustomDomain", new V1.DomainNameProps
        {
            DomainName = options.DomainName,
            Certificate = options.Certificate,
            EndpointType = V1.EndpointType.REGIONAL,
            SecurityPolicy = V1.SecurityPolicy.TLS_1_2,
        });
        new V1.BasePathMapping(scope, "CustomDomainMapping", new V1.BasePathMappingProps
        {
            DomainName = domain,
            RestApi = api,
            Stage = api.DeploymentStage,
            BasePath = options.BasePath,
        });
        AddOutputs(scope, options, domain.DomainNameAliasDomainName);
    }

    private static void AddOutputs(Construct scope, ApiDomainOptions options, string target)
    {
        var basePath = string.IsNullOrEmpty(options.BasePath) ? "" : options.BasePath.Trim('/') + "/";
        new CfnOutput(scope, "DomainUrl", new CfnOutputProps
        {
            Value = $"https://{options.DomainName}/{basePath}",
            Description = $"The API on its custom domain; point a CNAME or alias record for {options.DomainName} at DomainTarget",
        });
        new CfnOutput(scope, "DomainTarget", new CfnOutputProps
        {
            Value = target,
            Description = $"The regional API Gateway domain that DNS for {options.DomainName} must point to",
        });
    }
}
