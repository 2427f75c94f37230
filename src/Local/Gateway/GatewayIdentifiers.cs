using System.Globalization;
using System.Security.Cryptography;

namespace LambdaRoutes.Local.Gateway;

/// <summary>The ids and timestamps API Gateway stamps on every request, in its formats (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).</summary>
internal static class GatewayIdentifiers
{
    public const string AccountId = LocalAccount.Id;
    public const string ApiId = "localdevapi";
    public const string RestStage = "prod";

    /// <summary>HTTP API's request id: 16 characters of base64, e.g. <c>JKJaXmPLvHcESHA=</c>.</summary>
    public static string HttpApiRequestId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(11))[..15] + "=";

    /// <summary>REST's request id: a UUID.</summary>
    public static string RestRequestId() => Guid.NewGuid().ToString();

    /// <summary><c>10/Mar/2020:05:16:23 +0000</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture) + " +0000";

    public static string TraceId(DateTimeOffset time) =>
        $"Root=1-{time.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";

    /// <summary>REST's resource id: six lower-case alphanumerics, e.g. <c>roq9wj</c>.</summary>
    public static string ResourceId(string template) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(template)))[..6];

    /// <summary>The first label of the host, as <c>domainPrefix</c>.</summary>
    public static string DomainPrefix(string host)
    {
        var name = host.Split(':')[0];
        var dot = name.IndexOf('.');
        return dot < 0 ? name : name[..dot];
    }
}
