using LambdaRoutes.Contracts.Diagnostics;
using LambdaRoutes.Packager.Routing;

namespace LambdaRoutes.Packager.Tests.Routing;

/// <summary>Reading route files with Roslyn: the one public route type, its style, methods and [RouteConfig] settings.</summary>
public sealed class RouteTypeReaderTests
{
    internal static (RouteType? Type, IReadOnlyList<Diagnostic> Diagnostics) Read(string source)
    {
        var diagnostics = new DiagnosticList();
        var type = RouteTypeReader.Read("api/x.cs", source, diagnostics);
        return (type, diagnostics.Items);
    }

    [Fact]
    public void Finds_a_handler_route_in_a_file_scoped_namespace_with_default_settings()
    {
        var (type, diagnostics) = Read("""
            using LambdaRoutes;
            namespace Shop.Api.Users;

            public sealed record UserDto(string Id);

            public sealed class UserById : IApiRoute
            {
                public Task HandleAsync(ApiRequest req, ApiResponse res) => Task.CompletedTask;
            }
            """);

        Assert.Empty(diagnostics);
        Assert.NotNull(type);
        Assert.Equal(RouteStyle.Handler, type.Style);
        Assert.Equal("Shop.Api.Users.UserById", type.FullName);
        Assert.Equal(["ANY"], type.Methods);
        Assert.Equal(RouteSettings.Default, type.Settings);
        Assert.Equal(6, type.Location.Line);
    }

    [Fact]
    public void Reads_route_config_literals()
    {
        var (type, diagnostics) = Read("""
            namespace A { namespace B {
            [LambdaRoutes.RouteConfig(MemorySize = 1024, Timeout = 30, BodySizeLimit = "5mb", BodyParser = false)]
            public class Upload : LambdaRoutes.IApiRoute { public Task HandleAsync(LambdaRoutes.ApiRequest q, LambdaRoutes.ApiResponse s) => Task.CompletedTask; }
            } }
            """);

        Assert.Empty(diagnostics);
        Assert.Equal("A.B.Upload", type?.FullName);
        Assert.Equal(new RouteSettings(1024, 30, "5mb", 5 * 1024 * 1024, BodyParser: false), type?.Settings);
    }

    [Theory]
    [InlineData("", null)] // the app's architecture (build --arch) applies
    [InlineData("[LambdaRoutes.RouteConfig(Architecture = \"arm64\")]", "arm64")]
    [InlineData("[RouteConfig(Architecture = \"x86_64\")]", "x86_64")]
    [InlineData("[RouteConfig(Architecture = null)]", null)]
    public void Reads_the_architecture_a_route_declares(string config, string? architecture)
    {
        var (type, diagnostics) = Read(config + "\npublic class R : IApiRoute { }");

        Assert.Empty(diagnostics);
        Assert.Equal(RouteSettings.Default with { Architecture = architecture }, type?.Settings);
    }

    [Theory]
    [InlineData("", null, null)] // the CDK construct's settings apply
    [InlineData("[RouteConfig(ReservedConcurrency = 10, ProvisionedConcurrency = 2)]", 10, 2)]
    [InlineData("[RouteConfig(ReservedConcurrency = 0, ProvisionedConcurrency = 0)]", null, null)]
    public void Reads_the_concurrency_a_route_declares(string config, int? reserved, int? provisioned)
    {
        var (type, diagnostics) = Read(config + "\npublic class R : IApiRoute { }");

        Assert.Empty(diagnostics);
        Assert.Equal(RouteSettings.Default with { ReservedConcurrency = reserved, ProvisionedConcurrency = provisioned }, type?.Settings);
    }

    [Theory]
    [InlineData("", null, null)] // an App Router route handler has no body limit of its own
    [InlineData("[LambdaRoutes.RouteConfig(BodySizeLimit = \"2mb\")]", "2mb", 2L * 1024 * 1024)]
    public void A_verb_style_route_has_a_body_limit_only_when_it_declares_one(string config, string? limit, long? bytes)
    {
        var (type, diagnostics) = Read(config + "\npublic static class Hook { public static LambdaRoutes.RouteResult POST(LambdaRoutes.ApiRequest r) => null!; }");

        Assert.Empty(diagnostics);
        Assert.Equal(RouteStyle.Verbs, type?.Style);
        Assert.Equal((limit, bytes), (type?.Settings.BodySizeLimit, type?.Settings.BodySizeLimitBytes));
    }

    [Fact]
    public void Finds_a_verb_style_route_and_its_sorted_methods()
    {
        var (type, diagnostics) = Read("""
            namespace Shop.Api;
            public static class Items
            {
                public static LambdaRoutes.RouteResult POST(ApiRequest req) => null!;
                public static Task<RouteResult?> GET(ApiRequest req, ParamMap p, ILambdaContext c) => null!;
                private static object PUT() => new();
                public static object Helper() => new();
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Equal(RouteStyle.Verbs, type?.Style);
        Assert.Equal(["GET", "POST"], type?.Methods);
    }

    [Fact]
    public void A_file_with_no_route_type_is_an_error()
    {
        var (type, diagnostics) = Read("namespace X; public sealed class NotARoute { } internal sealed class Hidden : LambdaRoutes.IApiRoute { }");

        Assert.Null(type);
        var error = Assert.Single(diagnostics);
        Assert.Equal("LR2001", error.Code);
        Assert.StartsWith("No public route type", error.Message);
        Assert.Equal("api/x.cs:1", error.Locations.Single().ToString());
    }

    [Fact]
    public void A_file_with_two_route_types_names_both_with_their_lines()
    {
        var (type, diagnostics) = Read("""
            namespace X;

            public sealed class First : IApiRoute { public Task HandleAsync(ApiRequest q, ApiResponse s) => Task.CompletedTask; }

            public static class Second { public static object GET() => new(); }
            """);

        Assert.Null(type);
        var error = Assert.Single(diagnostics);
        Assert.Equal("LR2002", error.Code);
        Assert.Contains("X.First, X.Second", error.Message);
        Assert.Equal(["api/x.cs:3", "api/x.cs:5"], error.Locations.Select(l => l.ToString()));
    }

    [Theory]
    [InlineData("public abstract class R : IApiRoute { }")]
    [InlineData("public class R<T> : IApiRoute { }")]
    [InlineData("public class R(int x) : IApiRoute { }")]
    [InlineData("public class R : IApiRoute { public R(int x) { } }")]
    public void A_route_type_the_entry_point_cannot_construct_is_an_error(string source)
    {
        var (_, diagnostics) = Read(source);

        Assert.Equal("LR2003", Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("MemorySize = 64", "LR2005", "[RouteConfig] MemorySize = 64 is out of range (128 to 10240 MB).")]
    [InlineData("Timeout = 901", "LR2005", "[RouteConfig] Timeout = 901 is out of range (1 to 900 seconds).")]
    [InlineData("BodySizeLimit = \"lots\"", "LR2005", "[RouteConfig] BodySizeLimit = \"lots\" is out of range (a size such as \"1mb\", \"500kb\" or a byte count).")]
    [InlineData("Architecture = \"arm\"", "LR2005", "[RouteConfig] Architecture = \"arm\" is out of range (\"x86_64\" or \"arm64\").")]
    [InlineData("Architecture = \"ARM64\"", "LR2005", "[RouteConfig] Architecture = \"ARM64\" is out of range (\"x86_64\" or \"arm64\").")]
    [InlineData("Architecture = 64", "LR2008", "[RouteConfig] Architecture = 64 is not a known setting of the right type (MemorySize: int, Timeout: int, BodySizeLimit: string, BodyParser: bool, Streaming: bool, Cors: string, Architecture: string, ReservedConcurrency: int, ProvisionedConcurrency: int, Authorizer: string, AuthorizationScopes: string).")]
    [InlineData("MemorySize = -512", "LR2005", "[RouteConfig] MemorySize = -512 is out of range (128 to 10240 MB).")]
    [InlineData("ReservedConcurrency = -1", "LR2005", "[RouteConfig] ReservedConcurrency = -1 is out of range (a positive number of instances (0 keeps the app's)).")]
    [InlineData("ProvisionedConcurrency = -2", "LR2005", "[RouteConfig] ProvisionedConcurrency = -2 is out of range (a positive number of instances (0 keeps the app's)).")]
    [InlineData("MemorySize = Sizes.Big", "LR2004", "[RouteConfig] MemorySize must be a literal value (the packager reads it from source, not by running code).")]
    [InlineData("Memory = 512", "LR2008", "[RouteConfig] Memory = 512 is not a known setting of the right type (MemorySize: int, Timeout: int, BodySizeLimit: string, BodyParser: bool, Streaming: bool, Cors: string, Architecture: string, ReservedConcurrency: int, ProvisionedConcurrency: int, Authorizer: string, AuthorizationScopes: string).")]
    public void Bad_settings_are_reported(string argument, string code, string message)
    {
        var (type, diagnostics) = Read($"[RouteConfig({argument})] public class R : IApiRoute {{ }}");

        Assert.Null(type);
        var error = Assert.Single(diagnostics);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Equal(1, error.Locations.Single().Line);
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_line()
    {
        var (type, diagnostics) = Read("namespace X;\npublic class R : IApiRoute {\n  void M( { }\n");

        Assert.Null(type);
        Assert.All(diagnostics, d => Assert.Equal("LR2006", d.Code));
        Assert.Equal(3, diagnostics[0].Locations.Single().Line);
    }

    [Theory]
    [InlineData("1mb", 1048576)]
    [InlineData("500kb", 512000)]
    [InlineData("1.5MB", 1572864)]
    [InlineData("4096", 4096)]
    [InlineData("10 b", 10)]
    public void Body_size_notation_is_Nexts(string text, long bytes)
    {
        Assert.True(BodySize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("public static object GET(ApiRequest req) => new();")]
    [InlineData("public static RouteResult GET() => null!;")]
    [InlineData("public static RouteResult GET(ApiRequest req, string id) => null!;")]
    [InlineData("public static ValueTask<RouteResult> GET(ApiRequest req) => default;")]
    [InlineData("public static RouteResult GET(ApiRequest req) => null!; public static RouteResult GET(ApiRequest req, ParamMap p) => null!;")]
    public void A_verb_method_of_an_unsupported_shape_is_LR2009_on_the_route_file(string members)
    {
        var (type, diagnostics) = Read($$"""
            namespace Shop.Api;
            public static class Items
            {
                {{members}}
            }
            """);

        Assert.Null(type);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("LR2009", diagnostic.Code);
        Assert.StartsWith("Shop.Api.Items.GET must take (ApiRequest req)", diagnostic.Message);
        Assert.Equal(4, diagnostic.Locations[0].Line);
    }
}
