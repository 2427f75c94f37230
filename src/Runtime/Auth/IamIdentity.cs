namespace LambdaRoutes;

/// <summary>
/// The signer of an IAM-authorized request: HTTP API <c>requestContext.authorizer.iam</c>
/// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html) or REST
/// <c>requestContext.identity</c> (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html).
/// A field the event does not carry is null.
/// </summary>
public sealed record IamIdentity
{
    /// <summary>The access key id that signed the request.</summary>
    public string? AccessKey { get; init; }

    /// <summary>The signer's AWS account.</summary>
    public string? AccountId { get; init; }

    /// <summary>The principal id of the caller (HTTP API <c>callerId</c>, REST <c>caller</c>).</summary>
    public string? CallerId { get; init; }

    /// <summary>The ARN of the user or role.</summary>
    public string? UserArn { get; init; }

    /// <summary>The user id (HTTP API <c>userId</c>, REST <c>user</c>).</summary>
    public string? UserId { get; init; }

    /// <summary>The AWS Organizations id of the signer (HTTP API only).</summary>
    public string? PrincipalOrgId { get; init; }

    /// <summary>The Cognito identity id when the credentials came from a Cognito identity pool.</summary>
    public string? CognitoIdentityId { get; init; }

    /// <summary>The Cognito identity pool id when the credentials came from one.</summary>
    public string? CognitoIdentityPoolId { get; init; }
}
