using LambdaRoutes.Cdk.Tests.Support;

namespace LambdaRoutes.Cdk.Tests.Synthesis;

/// <summary>
/// What must hold for an API of any kind over every Next route shape; each kind's test class inherits these and adds
/// its own. xunit runs the inherited tests once per derived class, against that class's fixture.
/// </summary>
public abstract class EveryShapeSynthesisTests(SynthesisFixture fixture)
{
    protected static readonly RouteSpec[] Routes = RouteSpec.EveryShape;

    protected SynthesizedStack Synth { get; } = fixture.Synth;

    [Fact]
    public void Creates_one_function_per_route_with_runtime_handler_architecture_memory_and_timeout() =>
        CommonAssertions.OneFunctionPerRouteWithItsSettings(Synth, Routes);

    [Fact]
    public void Has_no_wildcard_iam_statements() => CommonAssertions.NoWildcardIam(Synth, Routes.Length);

    [Fact]
    public void Gives_each_function_its_own_log_group_with_retention_and_write_access_to_it_alone() =>
        CommonAssertions.OwnLogGroupWithRetention(Synth, Routes);

    [Fact]
    public void Stages_every_bootstrap_as_an_asset_with_aws_asset_path_metadata() =>
        CommonAssertions.AssetMetadataPointsAtExecutableBootstrap(Synth, Routes);

    [Fact]
    public void Each_function_waits_for_its_role_policy_but_reaches_its_role_only_through_the_GetAtt()
    {
        foreach (var (_, function) in Synth.ResourcesOfType("AWS::Lambda::Function"))
        {
            var role = TemplateJson.GetAttTarget(TemplateJson.Props(function).GetProperty("Role"));
            var policy = Assert.Single(Synth.ResourcesOfType("AWS::IAM::Policy"),
                p => TemplateJson.Props(p.Resource).GetProperty("Roles").EnumerateArray().Any(r => TemplateJson.Ref(r) == role)).LogicalId;
            Assert.Equal([policy], TemplateJson.Strings(function.GetProperty("DependsOn")));
        }

        Assert.All(Synth.ResourcesOfType("AWS::Lambda::Permission"), p => Assert.False(p.Resource.TryGetProperty("DependsOn", out _)));
    }

    [Fact]
    public void Passes_cfn_lint_without_findings() => CfnLint.AssertClean(Synth.TemplatePath);
}
