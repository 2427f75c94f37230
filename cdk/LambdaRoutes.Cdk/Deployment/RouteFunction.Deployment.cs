using Amazon.CDK.AWS.Lambda;

namespace LambdaRoutes.Cdk.Wiring;

// The deployment settings a function takes after it exists: secrets, parameters and the provisioned alias.
public sealed partial class RouteFunction
{
    /// <summary>The alias that carries provisioned concurrency (see <see cref="RouteDeploymentSettings.ProvisionedConcurrency"/>).</summary>
    public const string LiveAliasName = "live";

    /// <summary>
    /// The alias <c>live</c> on the function's current version when the route has provisioned concurrency; null otherwise.
    /// </summary>
    public Alias? Alias { get; private set; }

    /// <summary>
    /// What API Gateway invokes: <see cref="Alias"/> when there is one (provisioned instances only serve calls to it),
    /// else the unqualified <see cref="Function"/>.
    /// </summary>
    public IFunction InvocationTarget => (IFunction?)Alias ?? Function;

    internal void ApplyDeployment(RouteDeploymentSettings settings)
    {
        // The name, not the value: the function reads the secret at run time, so a rotation needs no redeploy.
        foreach (var (variable, secret) in settings.Secrets ?? new Dictionary<string, Amazon.CDK.AWS.SecretsManager.ISecret>())
        {
            secret.GrantRead(Function);
            Function.AddEnvironment(variable, secret.SecretName);
        }

        foreach (var (variable, parameter) in settings.Parameters ?? new Dictionary<string, Amazon.CDK.AWS.SSM.IParameter>())
        {
            parameter.GrantRead(Function);
            Function.AddEnvironment(variable, parameter.ParameterName);
        }

        if (settings.ProvisionedConcurrency is { } provisioned)
        {
            // https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html: provisioned concurrency is set
            // on a version or an alias, never on $LATEST. CurrentVersion publishes a new version when the code or
            // configuration changes, and the alias moves to it.
            Alias = new Alias(this, "LiveAlias", new AliasProps
            {
                AliasName = LiveAliasName,
                Version = Function.CurrentVersion,
                ProvisionedConcurrentExecutions = provisioned,
            });
        }
    }
}
