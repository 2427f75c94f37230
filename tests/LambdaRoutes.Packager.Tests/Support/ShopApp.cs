namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>
/// The small real app the build tests package: two routes (a static one and a dynamic one with settings) that both use
/// a private _lib file, and user types serialised through a source-generated JSON context. The static route also makes
/// one reflection call Native AOT warns about, so the tests can check that AOT warnings are shown and counted. It references the runtime
/// project of this repository by absolute path, as an app outside the repository would.
/// </summary>
internal static class ShopApp
{
    public static TempApp Create(string name = "Shop")
    {
        var app = new TempApp(name, withProject: false);
        app.Write($"{name}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <IsAotCompatible>true</IsAotCompatible>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{RepoPaths.RuntimeProject}" />
              </ItemGroup>
            </Project>
            """);
        app.Write("ShopJson.cs", """
            using System.Text.Json.Serialization;
            using Shop.Api.Lib;

            namespace Shop;

            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
            [JsonSerializable(typeof(Item))]
            [JsonSerializable(typeof(Greeting))]
            [JsonSerializable(typeof(Problem))]
            public sealed partial class ShopJson : JsonSerializerContext;
            """);
        app.Write("api/_lib/Catalog.cs", """
            namespace Shop.Api.Lib;

            public sealed record Item(string Id, string Name, decimal Price);

            public sealed record Greeting(string Message, int Items);

            public sealed record Problem(string Error);

            public static class Catalog
            {
                private static readonly Item[] Items = [new("1", "Tea", 3.5m), new("2", "Coffee", 4.25m)];

                public static int Count => Items.Length;

                public static Item? Find(string? id) => Items.FirstOrDefault(i => i.Id == id);
            }
            """);
        app.Write("api/hello.cs", """
            using LambdaRoutes;
            using Shop.Api.Lib;

            namespace Shop.Api;

            public sealed class Hello : IApiRoute
            {
                public Task HandleAsync(ApiRequest req, ApiResponse res)
                {
                    // A type name from the request: Native AOT cannot see which type, so the publish warns (IL2057).
                    _ = Type.GetType(req.Query["type"] ?? "");
                    res.Status(200).SetHeader("x-shop", "yes").Json(new Greeting("hello", Catalog.Count));
                    return Task.CompletedTask;
                }
            }
            """);
        app.Write("api/items/[id].cs", """
            using LambdaRoutes;
            using Shop.Api.Lib;

            namespace Shop.Api.Items;

            [RouteConfig(MemorySize = 512, Timeout = 5, BodySizeLimit = "2kb")]
            public sealed class ItemById : IApiRoute
            {
                public Task HandleAsync(ApiRequest req, ApiResponse res)
                {
                    var id = req.Params["id"];
                    if (Catalog.Find(id) is { } item)
                    {
                        res.Status(200).Json(item);
                    }
                    else
                    {
                        res.Status(404).Json(new Problem($"no item {id}"));
                    }

                    return Task.CompletedTask;
                }
            }
            """);
        return app;
    }
}
