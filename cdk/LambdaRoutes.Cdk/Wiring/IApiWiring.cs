using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Lambda;
using LambdaRoutes.Cdk.Planning;

namespace LambdaRoutes.Cdk.Wiring;

/// <summary>Connects route functions to one API Gateway flavour.</summary>
internal interface IApiWiring
{
    /// <summary>The invoke URL of the API's stage.</summary>
    string Url { get; }

    /// <summary>The HTTP API this wiring created, or null when it wires a REST API.</summary>
    HttpApi? HttpApi { get; }

    /// <summary>The REST API this wiring created, or null when it wires an HTTP API.</summary>
    RestApi? RestApi { get; }

    /// <summary>The API's id, for execute-api ARNs.</summary>
    string ApiId { get; }

    /// <summary>Wires every binding of one function: integration, routes or methods.</summary>
    void Connect(IFunction function, string routeId, IReadOnlyList<RouteBinding> bindings);

    /// <summary>Runs once after every function is connected.</summary>
    void Complete();
}
