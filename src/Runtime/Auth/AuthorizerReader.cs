using System.Text;
using System.Text.Json;

namespace LambdaRoutes;

/// <summary>
/// Reads <c>requestContext.authorizer</c> (and REST <c>requestContext.identity</c>) into a <see cref="CallerIdentity"/>'s
/// fields. The event reader already checked the JSON is well formed; a value of an unexpected type is left out rather
/// than failing the request, since API Gateway, not the client, writes these fields.
/// </summary>
internal static class AuthorizerReader
{
    internal sealed record Result(
        AuthorizerKind Kind,
        IReadOnlyDictionary<string, string> Claims,
        IReadOnlyList<string> Scopes,
        IReadOnlyDictionary<string, string> Context,
        string? PrincipalId,
        IamIdentity? Iam);

    private static readonly Dictionary<string, string> NoValues = new();

    public static Result Read(ReadOnlySpan<byte> authorizer, ReadOnlySpan<byte> identity)
    {
        var kind = AuthorizerKind.None;
        Dictionary<string, string>? claims = null, context = null;
        List<string>? scopes = null;
        string? principalId = null;
        IamIdentity? iam = null;

        var reader = new Utf8JsonReader(authorizer);
        if (!authorizer.IsEmpty && StartObject(ref reader))
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "jwt" when reader.TokenType == JsonTokenType.StartObject:
                        kind = AuthorizerKind.Jwt;
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var field = reader.GetString();
                            reader.Read();
                            if (field == "claims") claims = Values(ref reader, authorizer);
                            else if (field == "scopes") scopes = Strings(ref reader);
                            else reader.Skip();
                        }
                        break;
                    case "lambda" when reader.TokenType == JsonTokenType.StartObject:
                        kind = AuthorizerKind.Lambda;
                        context = Values(ref reader, authorizer);
                        break;
                    case "iam" when reader.TokenType == JsonTokenType.StartObject:
                        iam = Signer(Iam(ref reader, authorizer, rest: false));
                        break;
                    case "claims" when reader.TokenType == JsonTokenType.StartObject:
                        kind = AuthorizerKind.Jwt;   // REST Cognito user pool, HTTP API payload 1.0 JWT
                        claims = Values(ref reader, authorizer);
                        break;
                    case "scopes":
                        scopes = Strings(ref reader);
                        break;
                    case "principalId":
                        principalId = reader.TokenType == JsonTokenType.String ? reader.GetString() : Text(ref reader, authorizer);
                        break;
                    case "integrationLatency":       // API Gateway's own timing, not the authorizer's context
                        reader.Skip();
                        break;
                    default:                         // REST Lambda authorizer: its context is flattened into authorizer
                        (context ??= new(StringComparer.Ordinal))[name] = Text(ref reader, authorizer);
                        break;
                }
            }
        }
        if (kind == AuthorizerKind.None && (principalId is not null || context is { Count: > 0 })) kind = AuthorizerKind.Lambda;

        var identityReader = new Utf8JsonReader(identity);
        if (iam is null && !identity.IsEmpty && StartObject(ref identityReader))
        {
            iam = Signer(Iam(ref identityReader, identity, rest: true));
        }
        if (kind == AuthorizerKind.None && iam is not null) kind = AuthorizerKind.Iam;

        claims ??= NoValues;
        // Without HTTP API's scopes list (REST Cognito access tokens), the token's own scope claim says it.
        scopes ??= claims.TryGetValue("scope", out var scope) ? [.. scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)] : [];
        return new Result(kind, claims, scopes, context ?? NoValues, principalId, iam);
    }

    private static bool StartObject(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.StartObject;

    /// <summary>An object's members as strings (non-strings as their JSON text); anything else is skipped.</summary>
    private static Dictionary<string, string>? Values(ref Utf8JsonReader reader, ReadOnlySpan<byte> source)
    {
        if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); return null; }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            values[name] = Text(ref reader, source);
        }
        return values;
    }

    private static List<string>? Strings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) { reader.Skip(); return null; }
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String) list.Add(reader.GetString()!);
            else reader.Skip();
        }
        return list;
    }

    /// <summary>A string's value, or any other value's JSON text (<c>9</c>, <c>true</c>, <c>{"a":1}</c>); null stays null → "".</summary>
    private static string Text(ref Utf8JsonReader reader, ReadOnlySpan<byte> source)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString()!;
            case JsonTokenType.Null: return "";
        }
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return Encoding.UTF8.GetString(source[start..(int)reader.BytesConsumed]);
    }

    private static IamIdentity Iam(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, bool rest)
    {
        string? accessKey = null, accountId = null, caller = null, userArn = null, userId = null, orgId = null, cognitoId = null, cognitoPool = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name == "cognitoIdentity" && reader.TokenType == JsonTokenType.StartObject)
            {
                // HTTP API nests the Cognito identity; REST has cognitoIdentityId / cognitoIdentityPoolId at top level.
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.GetString();
                    reader.Read();
                    if (field == "identityId") cognitoId = Nullable(ref reader, source);
                    else if (field == "identityPoolId") cognitoPool = Nullable(ref reader, source);
                    else reader.Skip();
                }
                continue;
            }
            switch (name)
            {
                case "accessKey": accessKey = Nullable(ref reader, source); break;
                case "accountId": accountId = Nullable(ref reader, source); break;
                case "callerId" when !rest: caller = Nullable(ref reader, source); break;
                case "caller" when rest: caller = Nullable(ref reader, source); break;
                case "userArn": userArn = Nullable(ref reader, source); break;
                case "userId" when !rest: userId = Nullable(ref reader, source); break;
                case "user" when rest: userId = Nullable(ref reader, source); break;
                case "principalOrgId": orgId = Nullable(ref reader, source); break;
                case "cognitoIdentityId": cognitoId = Nullable(ref reader, source); break;
                case "cognitoIdentityPoolId": cognitoPool = Nullable(ref reader, source); break;
                default: reader.Skip(); break;
            }
        }
        return new IamIdentity
        {
            AccessKey = accessKey, AccountId = accountId, CallerId = caller, UserArn = userArn, UserId = userId,
            PrincipalOrgId = orgId, CognitoIdentityId = cognitoId, CognitoIdentityPoolId = cognitoPool,
        };
    }

    /// <summary>
    /// REST sends <c>identity</c> on every request and function URLs without IAM auth send <c>"iam": {}</c>; only a
    /// signer (an access key or a user ARN) makes the request IAM-authorized.
    /// </summary>
    private static IamIdentity? Signer(IamIdentity iam) => iam.AccessKey is null && iam.UserArn is null ? null : iam;

    private static string? Nullable(ref Utf8JsonReader reader, ReadOnlySpan<byte> source) =>
        reader.TokenType == JsonTokenType.Null ? null : Text(ref reader, source);
}
