namespace LambdaRoutes.Local;

/// <summary>
/// The one AWS account local AWS pretends to be: the Lambda side's function ARNs and the API Gateway side's
/// <c>requestContext.accountId</c> must name the same account, as they do on AWS. It is the example account of AWS's
/// documentation (https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html shows it in its sample events).
/// </summary>
internal static class LocalAccount
{
    public const string Id = "123456789012";
}
