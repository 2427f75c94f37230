using LambdaRoutes.Runtime.Tests.VerbStyle;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.Testing;

/// <summary>
/// The one reflection-based binding of verb-style classes, used by <see cref="RouteTester.ForVerbs"/> (every verb the
/// class has) and by <c>lambda-routes dev</c> (the verbs the packager read from source, each required).
/// </summary>
public sealed class VerbRouteReflectionTests
{
    public static class WrongReturn
    {
        public static string GET(ApiRequest req) => req.Path;
    }

    public static class WrongParameters
    {
        public static RouteResult GET(ApiRequest req, string extra) => NextResponse.Text(extra);
    }

    [Fact]
    public void Without_a_method_list_every_verb_method_of_the_class_is_bound_whatever_its_signature()
    {
        var route = VerbRouteReflection.Build(typeof(AllMethodsRoute), "api/all.cs");

        Assert.Equal(new[] { "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT" }, route.Methods);
        Assert.Equal("api/all.cs", route.Source);
        Assert.Equal(new[] { "GET" }, VerbRouteReflection.Build(typeof(ContextRoute), "c").Methods);
    }

    [Fact]
    public void A_method_list_binds_only_those_verbs()
    {
        var route = VerbRouteReflection.Build(typeof(AllMethodsRoute), "api/all.cs", ["GET", "POST"]);

        Assert.Equal(new[] { "GET", "POST" }, route.Methods);
    }

    [Fact]
    public void A_listed_verb_the_class_lacks_is_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => VerbRouteReflection.Build(typeof(GetOnlyRoute), "api/x.cs", ["GET", "POST"]));

        Assert.StartsWith($"{typeof(GetOnlyRoute).FullName} has no public static POST method.", ex.Message);
    }

    [Theory]
    [InlineData(typeof(WrongReturn), "must return RouteResult or Task<RouteResult>")]
    [InlineData(typeof(WrongParameters), "must take (ApiRequest[, ParamMap[, ILambdaContext]])")]
    public void A_signature_no_Map_overload_takes_is_refused_with_the_method_named(Type routeClass, string problem)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => VerbRouteReflection.Build(routeClass, "api/x.cs"));

        Assert.Contains($"{routeClass.FullName}.GET", ex.Message);
        Assert.Contains(problem, ex.Message);
    }
}
