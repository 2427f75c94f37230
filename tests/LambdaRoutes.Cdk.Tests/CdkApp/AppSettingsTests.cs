using LambdaRoutes.Cdk.Tests.Support;
using LambdaRoutes.CdkApp;

namespace LambdaRoutes.Cdk.Tests.CdkApp;

/// <summary>How the CDK app reads cdk.json / -c context.</summary>
public sealed class AppSettingsTests
{
    private static AppSettings From(params (string Key, string Value)[] context)
    {
        var map = context.ToDictionary(c => c.Key, c => c.Value);
        return AppSettings.FromContext(key => map.GetValueOrDefault(key));
    }

    [Fact]
    public void Defaults_build_the_sample_as_an_http_api_and_leave_the_stack_name_to_the_app()
    {
        var settings = From();

        Assert.Null(settings.StackName);
        Assert.Equal("samples/Hello", settings.ApiProps.AppPath);
        Assert.Null(settings.ApiProps.Manifest);
        Assert.Equal(ApiKind.Http, settings.ApiProps.ApiKind);
        Assert.Equal(RouteMethods.Any, settings.ApiProps.RouteMethods);
        Assert.Null(settings.ApiProps.Cors);
        Assert.Null(settings.ApiProps.Packager!.Command);
    }

    [Fact]
    public void Context_selects_app_stack_api_kind_methods_cors_and_packager()
    {
        var settings = From(
            ("lambdaRoutes:app", "../shop-api"),
            ("lambdaRoutes:stackName", "Shop"),
            ("lambdaRoutes:api", "REST"),
            ("lambdaRoutes:methods", "exported"),
            ("lambdaRoutes:cors", "true"),
            ("lambdaRoutes:packager", "lambda-routes  --verbose"),
            ("lambdaRoutes:packagerArgs", "--mode single"),
            ("lambdaRoutes:jobs", "1"),
            ("lambdaRoutes:arch", "arm64"));

        Assert.Equal("Shop", settings.StackName);
        Assert.Equal("../shop-api", settings.ApiProps.AppPath);
        Assert.Equal(ApiKind.Rest, settings.ApiProps.ApiKind);
        Assert.Equal(RouteMethods.Exported, settings.ApiProps.RouteMethods);
        Assert.NotNull(settings.ApiProps.Cors);
        Assert.Equal(["lambda-routes", "--verbose"], settings.ApiProps.Packager!.Command!);
        Assert.Equal(["--mode", "single"], settings.ApiProps.Packager.ExtraArguments!);
        Assert.Equal(1, settings.ApiProps.Packager.Jobs);
        Assert.Equal("arm64", settings.ApiProps.Packager.Architecture);
    }

    [Fact]
    public void A_manifest_replaces_the_build()
    {
        var settings = From(("lambdaRoutes:manifest", "/tmp/my-app.out/manifest.json"));

        Assert.Null(settings.ApiProps.AppPath);
        Assert.Equal("/tmp/my-app.out/manifest.json", settings.ApiProps.Manifest);
    }

    [Fact]
    public void A_manifest_names_the_stack_after_its_app_not_after_the_folder_it_sits_in()
    {
        // BuiltApp writes "app": "Fixture" into a folder named lr-cdk-<random>.
        using var built = BuiltApp.Create(RouteSpec.EveryShape);

        Assert.Equal("LambdaRoutesFixture", From(("lambdaRoutes:manifest", built.ManifestPath)).ResolveStackName());
        Assert.Equal("Mine", From(("lambdaRoutes:manifest", built.ManifestPath), ("lambdaRoutes:stackName", "Mine")).ResolveStackName());
    }

    [Theory]
    [InlineData("Hello", "LambdaRoutesHello")]
    [InlineData("my-app.api", "LambdaRoutesMyappapi")]
    [InlineData("--", "LambdaRoutesApp")]
    public void The_default_stack_name_is_the_app_name_cut_to_letters_and_digits(string appName, string stackName) =>
        Assert.Equal(stackName, AppSettings.DefaultStackName(appName));

    [Fact]
    public void An_unknown_choice_names_the_key_and_the_allowed_values()
    {
        var error = Assert.Throws<ArgumentException>(() => From(("lambdaRoutes:api", "graphql")));

        Assert.Equal("Context lambdaRoutes:api='graphql' must be one of: http, rest.", error.Message);
    }
}
