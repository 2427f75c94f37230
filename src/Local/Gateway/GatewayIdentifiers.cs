using System.Globalization;
using System.Security.Cryptography;
using LambdaRoutes.Contracts.Events;

namespace LambdaRoutes.Local.Gateway;

/// <summary>The ids the local API Gateway stamps on every request, in API Gateway's formats (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html).</summary>
internal static class GatewayIdentifiers
{
    public const string AccountId = LocalAccount.Id;
    public const string ApiId = "localdevapi";
    public const string RestStage = "prod";

    /// <summary>HTTP API's request id: 16 characters of base64, e.g. <c>JKJaXmPLvHcESHA=</c>.</summary>
    public static string HttpApiRequestId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(11))[..15] + "=";

    /// <summary>REST's request id: a UUID.</summary>
    public static string RestRequestId() => Guid.NewGuid().ToString();

    public static string TraceId(DateTimeOffset time) =>
        $"Root=1-{time.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
}
