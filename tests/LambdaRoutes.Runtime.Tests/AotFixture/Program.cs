using AotFixture;
using LambdaRoutes;

// One published binary, four route shapes (one AOT publish for the whole test class): AOT_FIXTURE_ROUTE picks the
// handler-style route (default), the verb-style route, the streaming route, the payload-limit echo, a Lambda authorizer, or a route whose
// constructor throws (an init error) — each started the way the packager's generated entry point starts it.
return Environment.GetEnvironmentVariable("AOT_FIXTURE_ROUTE") switch
{
    "verb" => await LambdaHost.RunAsync(
        () => new VerbRoute("api/aot/verbs/[id].cs").Map("GET", AotVerbs.GET).Map("POST", AotVerbs.POST),
        new RouteOptions { Route = "/api/aot/verbs/[id]", BodySizeLimit = "1mb", BodyParser = true },
        AotJson.Default),
    "stream" => await LambdaHost.RunAsync(
        () => new VerbRoute("api/aot/stream.cs").Map("GET", AotStream.GET),
        new RouteOptions { Route = "/api/aot/stream", Streaming = true },
        AotJson.Default),
    "payload" => await LambdaHost.RunAsync(
        () => new AotPayloadRoute(),
        new RouteOptions { Route = "/api/aot/payload", BodySizeLimit = "6mb", BodyParser = true },
        AotJson.Default),
    "authorizer" => await LambdaHost.RunAsync(() => new AotAuthorizer()),
    "init-error" => await LambdaHost.RunAsync(
        () => throw new InvalidOperationException("the route's constructor failed"),
        new RouteOptions { Route = "/api/aot" },
        AotJson.Default),
    _ => await LambdaHost.RunAsync(
        () => new AotRoute(),
        new RouteOptions { Route = "/api/aot/[[...rest]]", BodySizeLimit = "1mb", BodyParser = true },
        AotJson.Default),
};
