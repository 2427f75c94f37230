namespace LambdaRoutes.Testing;

/// <summary>
/// A settable <see cref="IClientContext"/> for <see cref="TestLambdaContext.ClientContext"/> (Amazon.Lambda.TestUtilities'
/// <c>TestClientContext</c>). The dictionaries start empty, so a test can fill them in place.
/// </summary>
public sealed class TestClientContext : IClientContext
{
    /// <inheritdoc />
    public IDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public IClientApplication? Client { get; set; }

    /// <inheritdoc />
    public IDictionary<string, string> Custom { get; set; } = new Dictionary<string, string>();
}

/// <summary>A settable <see cref="IClientApplication"/> (Amazon.Lambda.TestUtilities' <c>TestClientApplication</c>).</summary>
public sealed class TestClientApplication : IClientApplication
{
    /// <inheritdoc />
    public string? AppPackageName { get; set; }

    /// <inheritdoc />
    public string? AppTitle { get; set; }

    /// <inheritdoc />
    public string? AppVersionCode { get; set; }

    /// <inheritdoc />
    public string? AppVersionName { get; set; }

    /// <inheritdoc />
    public string? InstallationId { get; set; }
}

/// <summary>A settable <see cref="ICognitoIdentity"/> (Amazon.Lambda.TestUtilities' <c>TestCognitoIdentity</c>).</summary>
public sealed class TestCognitoIdentity : ICognitoIdentity
{
    /// <inheritdoc />
    public string? IdentityId { get; set; }

    /// <inheritdoc />
    public string? IdentityPoolId { get; set; }
}
