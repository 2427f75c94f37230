using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace LambdaRoutes.Cdk.Wiring;

/// <summary>
/// Takes the execution role out of its function's <c>DependsOn</c>, keeping the role's policy there.
/// <para>
/// <c>Function</c> makes its CloudFormation resource depend on everything under the role: the role itself and its
/// default policy. The policy entry matters (the function must not run before it may write its logs); the role entry
/// repeats what the function's <c>Role: Fn::GetAtt [role, Arn]</c> already orders, which cfn-lint reports as W3005
/// (see https://github.com/aws/aws-cdk/issues/24578).
/// </para>
/// <para>
/// CDK turns construct dependencies into <c>DependsOn</c> entries while it prepares the app, after aspects have run and
/// just before it validates the tree, so a validation is the first point where the entry exists and can be removed.
/// It reports no errors.
/// </para>
/// </summary>
internal sealed class RoleDependsOnTrim(CfnResource function, CfnResource role) : DeputyBase, IValidation
{
    public string[] Validate()
    {
        function.RemoveDependency(role);
        return [];
    }
}
