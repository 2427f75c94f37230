using LambdaRoutes.Contracts.Routing;

namespace LambdaRoutes.Cdk.Wiring;

/// <summary>
/// The <c>{stage}/{method}/{path}</c> part of the execute-api source ARN that may invoke one function.
/// One permission per function (not per route, as CDK's integrations do) keeps the policy small; it is
/// scoped to the function's own paths rather than the whole API.
/// </summary>
internal static class InvokePermissionScope
{
    /// <summary>
    /// <c>*/*/api/users/*</c> for <c>/api/users/{id}</c>; <c>*/*/api/docs*</c> for <c>/api/docs</c> plus
    /// <c>/api/docs/{proxy+}</c>. Variables become <c>*</c>, which ArnLike also matches against the
    /// literal <c>{id}</c> API Gateway may report.
    /// </summary>
    public static string ForPaths(IReadOnlyList<string> paths)
    {
        var patterns = paths.Select(ToPattern).Distinct(StringComparer.Ordinal).ToList();
        if (patterns.Count == 1)
        {
            return "*/*" + patterns[0];
        }

        var prefix = patterns.Aggregate(CommonPrefix);
        return "*/*" + prefix.TrimEnd('*') + "*";
    }

    private static string ToPattern(string path)
    {
        if (path == "/")
        {
            return "/";
        }

        var segments = path.Split('/').Select(s => GatewaySegment.Of(s).IsVariable ? "*" : s);
        return string.Join('/', segments);
    }

    private static string CommonPrefix(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }

        return a[..length];
    }
}
