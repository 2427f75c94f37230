using System.CommandLine;
using LambdaRoutes.Packager.Dev.Auth;

namespace LambdaRoutes.Packager.Commands;

/// <summary>
/// <c>dev</c>'s authorizer options (docs/dev.md): <c>--jwks &lt;file|url&gt;</c> or <c>--jwt-no-verify</c> turn the
/// checks on; <c>--jwt-issuer</c>, <c>--jwt-audience</c> (repeatable) and <c>--default-authorizer</c> mirror the CDK
/// construct's declarations, which the dev server cannot read.
/// </summary>
internal sealed class DevAuthArguments
{
    private readonly Option<string?> _jwks = new("--jwks") { Description = "Check bearer JWTs of routes with an authorizer against this JWKS (a file or an http(s) URL)." };
    private readonly Option<bool> _noVerify = new("--jwt-no-verify") { Description = "Check JWT claims but NOT signatures (local work without keys; prints a warning)." };
    private readonly Option<string?> _issuer = new("--jwt-issuer") { Description = "The iss a token must have." };
    private readonly Option<string[]> _audience = new("--jwt-audience") { Description = "An accepted aud or client_id (repeat for several).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> _default = new("--default-authorizer") { Description = "The construct's DefaultAuthorizer: routes that choose none are guarded too." };
    private readonly Option<string[]> _iam = new("--iam-authorizer") { Description = "An IamAuthorizer's name (repeat for several): its routes need a SigV4 Authorization header, NOT verified.", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string> _iamUser = new("--iam-user-arn") { Description = "The caller every signed request of an --iam-authorizer route is.", DefaultValueFactory = _ => DevIamOptions.DefaultUserArn };

    public void AddTo(Command command)
    {
        command.Options.Add(_jwks);
        command.Options.Add(_noVerify);
        command.Options.Add(_issuer);
        command.Options.Add(_audience);
        command.Options.Add(_default);
        command.Options.Add(_iam);
        command.Options.Add(_iamUser);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_jwks) is not null && result.GetValue(_noVerify))
                result.AddError("--jwks and --jwt-no-verify exclude each other: verify with keys, or decode without.");
        });
    }

    /// <summary>--default-authorizer, which also applies to the app's Lambda authorizers and --iam-authorizer without the JWT options.</summary>
    public string? ReadDefault(ParseResult parse) => parse.GetValue(_default);

    /// <summary>Null without --iam-authorizer.</summary>
    public DevIamOptions? ReadIam(ParseResult parse) =>
        parse.GetValue(_iam) is { Length: > 0 } names ? new DevIamOptions(names, parse.GetValue(_iamUser) ?? DevIamOptions.DefaultUserArn) : null;

    /// <summary>Null when neither --jwks nor --jwt-no-verify is given: every route is public, as before.</summary>
    public DevAuthOptions? Read(ParseResult parse)
    {
        var jwks = parse.GetValue(_jwks);
        var noVerify = parse.GetValue(_noVerify);
        if (jwks is null && !noVerify) return null;
        return new DevAuthOptions(jwks, parse.GetValue(_issuer), parse.GetValue(_audience) ?? [], noVerify, parse.GetValue(_default));
    }
}
