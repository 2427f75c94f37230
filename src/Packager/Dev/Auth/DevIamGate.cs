using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Events;
using LambdaRoutes.Local.Gateway;
using LambdaRoutes.Packager.Dev.Hosting;

namespace LambdaRoutes.Packager.Dev.Auth;

/// <summary>
/// The IAM authorizers <c>dev</c> is told about (<c>--iam-authorizer</c>): what it can do honestly without AWS. A request
/// must carry a SigV4 <c>Authorization</c> header (<c>AWS4-HMAC-SHA256 Credential=&lt;key&gt;/…</c>, as an AWS SDK or
/// <c>curl --aws-sigv4</c> sends it); the signature is NOT checked (there are no credentials to check it against), and
/// the caller is <see cref="DevIamOptions.UserArn"/> with the header's access key, written where API Gateway writes the
/// signer (HTTP API <c>requestContext.authorizer.iam</c>, REST <c>requestContext.identity</c>). Unsigned → 403 as API
/// Gateway answers (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control-iam.html).
/// </summary>
internal sealed partial class DevIamGate(DevIamOptions options, string? defaultAuthorizer)
{
    public string Warning => $"WARNING: --iam-authorizer {string.Join(", ", options.Names)}: SigV4 signatures are NOT verified; any request with a SigV4 Authorization header gets in as {options.UserArn}. Local use only.";

    public bool Guards(DevRoute route) => (route.Authorizer ?? defaultAuthorizer) is { } name && options.Names.Contains(name, StringComparer.Ordinal);

    /// <summary>Null when the request may go on (<paramref name="eventJson"/> then names the signer), else API Gateway's answer.</summary>
    public GatewayResponse? Authorize(IncomingRequest request, ApiKind flavor, ref byte[] eventJson)
    {
        var credential = SigV4Credential().Match(request.Header("authorization") ?? "");
        if (!credential.Success)
        {
            // REST's answer is its MISSING_AUTHENTICATION_TOKEN gateway response, the same as for an unknown route.
            return flavor == ApiKind.Http ? GatewayResponse.Message(flavor, 403, "Forbidden") : GatewayResponse.NotFound(flavor);
        }

        var accessKey = credential.Groups[1].Value;
        var account = options.UserArn.Split(':') is { Length: 6 } parts ? parts[4] : GatewayIdentifiers.AccountId;
        // A stable stand-in for IAM's unique id (AIDA…), derived from the key so one caller keeps one id.
        var userId = "AIDA" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(accessKey)))[..17];
        var root = JsonNode.Parse(eventJson)!.AsObject();
        var context = root["requestContext"]!.AsObject();
        if (flavor == ApiKind.Http)
        {
            context["authorizer"] = new JsonObject
            {
                ["iam"] = new JsonObject
                {
                    ["accessKey"] = accessKey, ["accountId"] = account, ["callerId"] = userId, ["cognitoIdentity"] = null,
                    ["principalOrgId"] = null, ["userArn"] = options.UserArn, ["userId"] = userId,
                },
            };
        }
        else if (context["identity"] is JsonObject identity)
        {
            identity["accessKey"] = accessKey;
            identity["accountId"] = account;
            identity["caller"] = userId;
            identity["user"] = userId;
            identity["userArn"] = options.UserArn;
        }

        eventJson = EventJson.Bytes(root);
        return null;
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256\s+Credential=([A-Za-z0-9]+)/", RegexOptions.CultureInvariant)]
    private static partial Regex SigV4Credential();
}

/// <summary><c>--iam-authorizer &lt;name&gt;</c> (repeatable) and <c>--iam-user-arn</c> (the caller every signed request is).</summary>
internal sealed record DevIamOptions(IReadOnlyList<string> Names, string UserArn = DevIamOptions.DefaultUserArn)
{
    public const string DefaultUserArn = $"arn:aws:iam::{LocalAccount.Id}:user/local-dev";
}
