using System.Text.Json;
using LambdaRoutes.Bootstrap;
using LambdaRoutes.Json;

namespace LambdaRoutes;

/// <summary>
/// Runs an <see cref="ILambdaAuthorizer"/> on one authorizer event and writes its decision in the shape API Gateway
/// reads for that event. A bad event or an exception from the authorizer fails the invocation (the Runtime API's
/// <c>/error</c>): API Gateway then answers 500, never letting the request through.
/// </summary>
internal sealed class AuthorizerInvoker(ILambdaAuthorizer authorizer) : IInvocationHandler
{
    public bool Streams => false;

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = AuthorizerEventReader.Read(eventJson, context);
        var decision = await authorizer.AuthorizeAsync(request).ConfigureAwait(false)
                       ?? throw new InvalidOperationException($"{authorizer.GetType().Name}.AuthorizeAsync returned null instead of an AuthorizerDecision.");
        return Encode(request, decision);
    }

    public Task InvokeStreamingAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context, Func<ReadOnlyMemory<byte>, Task> write) =>
        throw new NotSupportedException("An authorizer answers in one piece.");

    /// <summary>
    /// HTTP API 2.0: <c>{"isAuthorized":…,"context":{…}}</c>. REST (and HTTP API 1.0): an IAM policy whose resource is the
    /// whole stage (<c>…/{apiId}/{stage}/*</c>), not just the method ARN: API Gateway caches the policy per identity and
    /// applies it to every route guarded by this authorizer, so a policy naming one method would deny the caller's next
    /// route while cached.
    /// </summary>
    internal static byte[] Encode(AuthorizerRequest request, AuthorizerDecision decision)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = RelaxedJsonEncoder.Instance }))
        {
            json.WriteStartObject();
            if (request.Kind == AuthorizerEventKind.HttpApiRequest)
            {
                json.WriteBoolean("isAuthorized", decision.IsAuthorized);
            }
            else
            {
                json.WriteString("principalId", decision.PrincipalId);
                json.WriteStartObject("policyDocument");
                json.WriteString("Version", "2012-10-17");
                json.WriteStartArray("Statement");
                json.WriteStartObject();
                json.WriteString("Action", "execute-api:Invoke");
                json.WriteString("Effect", decision.IsAuthorized ? "Allow" : "Deny");
                json.WriteString("Resource", StageWide(request.Arn));
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteStartObject("context");
            foreach (var (name, value) in decision.Context) json.WriteString(name, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary><c>arn:…:{apiId}/{stage}/{verb}/{path}</c> → <c>arn:…:{apiId}/{stage}/*</c>.</summary>
    internal static string StageWide(string arn)
    {
        var colon = arn.LastIndexOf(':');
        var resource = arn[(colon + 1)..].Split('/');
        return resource.Length >= 2 ? arn[..(colon + 1)] + resource[0] + "/" + resource[1] + "/*" : arn;
    }
}
