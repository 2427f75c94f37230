namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>One route as the packager would write it into manifest.json.</summary>
public sealed record RouteSpec(
    string Id,
    string File,
    string Route,
    string[] Paths,
    string[]? Methods = null,
    int? MemorySize = null,
    int? Timeout = null,
    int? ReservedConcurrency = null,
    int? ProvisionedConcurrency = null)
{
    public string[] MethodList => Methods ?? ["ANY"];

    /// <summary>Index, static, dynamic, nested dynamic, catch-all and optional catch-all: the Next route shapes.</summary>
    public static RouteSpec[] EveryShape { get; } =
    [
        new("Api", "api/index.cs", "/api", ["/api"]),
        new("ApiHello", "api/hello.cs", "/api/hello", ["/api/hello"], ["GET", "POST"], MemorySize: 512, Timeout: 20),
        new("ApiUsersId", "api/users/[id].cs", "/api/users/[id]", ["/api/users/{id}"], MemorySize: 1024, Timeout: 15),
        new("ApiUsersIdPostsPostId", "api/users/[id]/posts/[postId].cs", "/api/users/[id]/posts/[postId]", ["/api/users/{id}/posts/{postId}"]),
        new("ApiPostsSlugCatchAll", "api/posts/[...slug].cs", "/api/posts/[...slug]", ["/api/posts/{proxy+}"]),
        new("ApiDocsSlugOptionalCatchAll", "api/docs/[[...slug]].cs", "/api/docs/[[...slug]]", ["/api/docs", "/api/docs/{proxy+}"]),
    ];

    /// <summary><c>[id]</c> beside <c>[...rest]</c> in one folder: a REST resource would need two variable children (LRC203).</summary>
    public static RouteSpec[] TwoVariableChildren { get; } =
    [
        new("ApiUsersId", "api/users/[id].cs", "/api/users/[id]", ["/api/users/{id}"]),
        new("ApiUsersRestCatchAll", "api/users/[...rest].cs", "/api/users/[...rest]", ["/api/users/{proxy+}"]),
    ];
}
