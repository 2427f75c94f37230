using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LambdaRoutes.Contracts.Events;

/// <summary>How API Gateway writes the values it stamps on a request (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).</summary>
internal static class GatewayFormats
{
    /// <summary><c>10/Mar/2020:05:16:23 +0000</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";

    /// <summary>REST's resource id: six lower-case alphanumerics, e.g. <c>roq9wj</c>, stable per template.</summary>
    public static string ResourceId(string template) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(template)))[..6].ToLowerInvariant();

    /// <summary>The first label of the host, as <c>domainPrefix</c>.</summary>
    public static string DomainPrefix(string host)
    {
        var name = host.Split(':')[0];
        var dot = name.IndexOf('.');
        return dot < 0 ? name : name[..dot];
    }

    /// <summary>
    /// HTTP API's <c>rawPath</c>: the path percent-decoded except <c>%2F</c>, which would otherwise become a segment
    /// separator (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).
    /// </summary>
    public static string DecodedPath(string rawPath)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = rawPath.IndexOf('%'); i >= 0 && i + 2 < rawPath.Length; i = rawPath.IndexOf('%', i + 1))
        {
            if (rawPath[i + 1] == '2' && (rawPath[i + 2] is 'F' or 'f'))
            {
                parts.Add(Uri.UnescapeDataString(rawPath[start..i]) + rawPath.Substring(i, 3));
                start = i + 3;
            }
        }

        parts.Add(Uri.UnescapeDataString(rawPath[start..]));
        return string.Concat(parts);
    }
}
