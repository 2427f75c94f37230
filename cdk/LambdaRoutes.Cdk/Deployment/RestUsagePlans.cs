using System.Text;
using Amazon.CDK.AWS.APIGateway;
using LambdaRoutes.Cdk.Planning;

namespace LambdaRoutes.Cdk.Deployment;

/// <summary>
/// REST API usage plans on the stage, their API keys, and <c>ApiKeyRequired</c> on the methods of routes that ask for
/// a key (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html).
/// </summary>
internal static class RestUsagePlans
{
    public static void Add(RestApi api, IReadOnlyList<ApiUsagePlanOptions> plans)
    {
        foreach (var plan in plans)
        {
            var id = ConstructId(plan.Name);
            var usagePlan = api.AddUsagePlan("UsagePlan" + id, new UsagePlanProps
            {
                Name = plan.Name,
                Throttle = plan.Throttle is { } throttle ? new ThrottleSettings { RateLimit = throttle.RateLimit, BurstLimit = throttle.BurstLimit } : null,
                Quota = plan.QuotaLimit is { } limit ? new QuotaSettings { Limit = limit, Period = plan.QuotaPeriod } : null,
                ApiStages = [new UsagePlanPerApiStage { Api = api, Stage = api.DeploymentStage }],
            });
            foreach (var keyName in plan.ApiKeys)
            {
                var key = new ApiKey(api, "ApiKey" + id + ConstructId(keyName), new ApiKeyProps { ApiKeyName = keyName });
                usagePlan.AddApiKey(key);
            }
        }
    }

    /// <summary>Makes the methods of one route file's bindings require an API key. They exist already: the wiring made them.</summary>
    public static void RequireKey(RestApi api, IReadOnlyList<RouteBinding> bindings)
    {
        foreach (var binding in bindings)
        {
            var resource = binding.Path == "/" ? api.Root : api.Root.ResourceForPath(binding.Path);
            foreach (var method in binding.Methods)
            {
                if (resource.Node.TryFindChild(method) is Method { Node.DefaultChild: CfnMethod cfn })
                {
                    cfn.ApiKeyRequired = true;
                }
            }
        }
    }

    private static string ConstructId(string name)
    {
        var id = new StringBuilder();
        foreach (var c in name) id.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return id.ToString();
    }
}
