using AotFixture;
using LambdaRoutes;

return await LambdaHost.RunAsync(
    () => new AotRoute(),
    new RouteOptions { Route = "/api/aot/[[...rest]]", BodySizeLimit = "1mb", BodyParser = true },
    AotJson.Default);
