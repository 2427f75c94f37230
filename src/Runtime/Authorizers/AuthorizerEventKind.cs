namespace LambdaRoutes;

/// <summary>Which authorizer event API Gateway sent (<see cref="AuthorizerRequest.Kind"/>).</summary>
public enum AuthorizerEventKind
{
    /// <summary>HTTP API REQUEST authorizer, payload format 2.0: answered with a simple response.</summary>
    HttpApiRequest,

    /// <summary>REST TOKEN authorizer: <see cref="AuthorizerRequest.Token"/> and the method ARN only; answered with an IAM policy.</summary>
    RestToken,

    /// <summary>REST REQUEST authorizer (or HTTP API payload 1.0): the request's headers, query and parameters; answered with an IAM policy.</summary>
    RestRequest,
}
