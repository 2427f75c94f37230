namespace LambdaRoutes.Local.Gateway;

/// <summary>Which API Gateway the dev server imitates: HTTP API with payload 2.0 (the default) or REST with payload v1 (<c>--rest</c>).</summary>
internal enum ApiFlavor
{
    HttpApi,
    RestApi,
}
