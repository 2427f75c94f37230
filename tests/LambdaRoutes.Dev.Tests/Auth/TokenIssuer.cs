using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LambdaRoutes.Packager.Dev.Auth;

namespace LambdaRoutes.Dev.Tests.Auth;

/// <summary>An RSA key pair with its JWKS file, signing RS256 JWTs (RFC 7515) as an identity provider would.</summary>
internal sealed class TokenIssuer : IDisposable
{
    public const string Issuer = "https://issuer.example.com";
    public const string Audience = "app-client";

    private readonly RSA _key = RSA.Create(2048);
    private readonly string _dir = Directory.CreateTempSubdirectory("lr-jwks").FullName;

    public TokenIssuer()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var jwks = new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = "k1",
                ["n"] = Base64Url.Encode(parameters.Modulus), ["e"] = Base64Url.Encode(parameters.Exponent),
            }),
        };
        JwksPath = Path.Combine(_dir, "jwks.json");
        File.WriteAllText(JwksPath, jwks.ToJsonString());
    }

    public string JwksPath { get; }

    /// <summary>A token from <see cref="Issuer"/> for <see cref="Audience"/>, valid for an hour; <paramref name="edit"/> changes its claims.</summary>
    public string Token(Action<JsonObject>? edit = null, RSA? signer = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["sub"] = "user-1", ["iss"] = Issuer, ["aud"] = Audience, ["iat"] = now, ["exp"] = now + 3600,
            ["scope"] = "pets/read", ["cognito:groups"] = new JsonArray("admin", "dev"),
        };
        edit?.Invoke(claims);
        var header = Base64Url.Encode(Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"JWT","kid":"k1"}"""));
        var payload = Base64Url.Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = (signer ?? _key).SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url.Encode(signature);
    }

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
