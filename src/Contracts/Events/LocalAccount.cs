namespace LambdaRoutes.Contracts.Events;

/// <summary>
/// The one AWS account and region local AWS and the Testing kit pretend to be: the Lambda side's function ARNs, the API
/// Gateway side's <c>requestContext.accountId</c> and <c>methodArn</c>, the dev IAM caller and the test context must name
/// the same account, as they do on AWS. It is the example account of AWS's documentation
/// (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html shows it in its sample events).
/// </summary>
internal static class LocalAccount
{
    public const string Id = "123456789012";

    public const string Region = "us-east-1";
}
