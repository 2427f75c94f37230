using Amazon.CDK;
using Constructs;
using LambdaRoutes.Cdk;

namespace LambdaRoutes.CdkApp;

/// <summary>The deployed unit: one app's routes as Lambdas behind one API.</summary>
internal sealed class LambdaRoutesStack : Stack
{
    public LambdaRoutesStack(Construct scope, string id, LambdaRoutesApiProps apiProps, IStackProps? props = null)
        : base(scope, id, props)
    {
        Api = new LambdaRoutesApi(this, "Api", apiProps);
    }

    public LambdaRoutesApi Api { get; }
}
