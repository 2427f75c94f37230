namespace LambdaRoutes;

/// <summary>
/// What the AWS Mobile SDK's client said about itself (<c>Lambda-Runtime-Client-Context</c>, https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html), shaped like
/// Amazon.Lambda.Core's <c>IClientContext</c> (aws-lambda-dotnet Libraries/src/Amazon.Lambda.Core/IClientContext.cs).
/// </summary>
public interface IClientContext
{
    /// <summary>The <c>env</c> object: what the SDK reports about the device's environment.</summary>
    IDictionary<string, string> Environment { get; }

    /// <summary>The <c>client</c> object: the calling application, or null when the header did not carry one.</summary>
    IClientApplication? Client { get; }

    /// <summary>The <c>custom</c> object: values the calling application chose to send.</summary>
    IDictionary<string, string> Custom { get; }
}

/// <summary>
/// The application that invoked the function through the Mobile SDK (Amazon.Lambda.Core's <c>IClientApplication</c>).
/// Members are null when the SDK left them out, hence nullable where AWS's are unannotated.
/// </summary>
public interface IClientApplication
{
    /// <summary><c>app_package_name</c>.</summary>
    string? AppPackageName { get; }

    /// <summary><c>app_title</c>.</summary>
    string? AppTitle { get; }

    /// <summary><c>app_version_code</c>.</summary>
    string? AppVersionCode { get; }

    /// <summary><c>app_version_name</c>.</summary>
    string? AppVersionName { get; }

    /// <summary><c>installation_id</c>.</summary>
    string? InstallationId { get; }
}

/// <summary>
/// The Amazon Cognito identity the Mobile SDK invoked with (<c>Lambda-Runtime-Cognito-Identity</c>, https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html), shaped like
/// Amazon.Lambda.Core's <c>ICognitoIdentity</c>.
/// </summary>
public interface ICognitoIdentity
{
    /// <summary><c>cognitoIdentityId</c>.</summary>
    string? IdentityId { get; }

    /// <summary><c>cognitoIdentityPoolId</c>.</summary>
    string? IdentityPoolId { get; }
}
