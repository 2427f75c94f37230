using LambdaRoutes.Cdk;
using System.CommandLine;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Commands;

/// <summary>Arguments and options shared by several commands (routes, build, and later dev).</summary>
internal static class CommonOptions
{
    public static Argument<string> AppDir() => new("appDir") { Description = "The app folder: holds the .csproj and the api/ folder." };

    public static Option<ApiKind> Api() => new("--api")
    {
        Description = "API Gateway flavour the routes must fit: http (default) or rest (one variable child per resource).",
        DefaultValueFactory = _ => ApiKind.Http,
    };
}
