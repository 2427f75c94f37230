namespace LambdaRoutes.Contracts.Verbs;

/// <summary>The methods a verb-style route can export: the App Router's list, matched case-sensitively (Next.js packages/next/src/server/web/http.ts).</summary>
internal static class HttpVerbs
{
    /// <summary>In Next's order; adapters map a route's verbs in this order, and its <c>Allow</c> header keeps it.</summary>
    public static readonly IReadOnlyList<string> InNextOrder = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"];

    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(InNextOrder, StringComparer.Ordinal);
}
