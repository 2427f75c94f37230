using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Core;

/// <summary>
/// <see cref="RouteOptions.For"/>, the one mapping from a route's settings to its options: the packager renders it into
/// the entry point and the dev server runs it; <see cref="RouteTester.OptionsFor(Type, string)"/> feeds it the attribute.
/// </summary>
public sealed class RouteOptionsFactoryTests
{
    [RouteConfig(BodySizeLimit = "5mb", BodyParser = false, Streaming = true, Cors = "https://a.example", MemorySize = 512)]
    private sealed class Configured;

    private sealed class Plain;

    [Fact]
    public void Every_runtime_setting_of_the_attribute_reaches_the_options()
    {
        var options = RouteTester.OptionsFor(typeof(Configured), "/api/x/[id]");

        Assert.Equal("/api/x/[id]", options.Route);
        Assert.Equal("5mb", options.BodySizeLimit);
        Assert.False(options.BodyParser);
        Assert.True(options.Streaming);
        Assert.Equal("https://a.example", options.Cors?.Origins);
    }

    [Fact]
    public void A_route_without_the_attribute_gets_the_runtime_defaults()
    {
        var options = RouteOptions.For("/api/plain", config: null);

        Assert.Equivalent(new RouteOptions { Route = "/api/plain" }, options);
        Assert.Equivalent(options, RouteTester.OptionsFor(typeof(Plain), "/api/plain"));
    }
}
