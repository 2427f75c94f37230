namespace LambdaRoutes.Contracts.Verbs;

/// <summary>The methods a verb-style route can export: the App Router's list, matched case-sensitively (Next.js packages/next/src/server/web/http.ts).</summary>
internal static class HttpVerbs
{
    public static readonly IReadOnlySet<string> Supported =
        new HashSet<string>(StringComparer.Ordinal) { "GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH" };
}
