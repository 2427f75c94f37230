using LambdaRoutes.Cdk;
using LambdaRoutes.Contracts.Events;

namespace LambdaRoutes.Local.Gateway;

/// <summary>
/// The event the local API Gateway sends a route for a request it matched: the client's request plus the headers and
/// context API Gateway adds (<see cref="ForwardedHeaders"/>, <see cref="GatewayIdentifiers"/>), for the stage the CDK
/// construct deploys (<c>$default</c> for an HTTP API, <c>prod</c> for REST), written by the event writers the Testing
/// kit uses too (<see cref="HttpApiEventWriter"/>, <see cref="RestApiEventWriter"/>).
/// </summary>
internal static class GatewayEvent
{
    public static byte[] Build(ApiKind kind, IncomingRequest request, GatewayMatch match, string requestId) =>
        Write(kind, Request(kind, request, match,
            new GatewayStamp(requestId, GatewayIdentifiers.HttpApiRequestId(), GatewayIdentifiers.TraceId(request.Time))));

    public static byte[] Write(ApiKind kind, ProxyEventRequest request) =>
        kind == ApiKind.Rest ? RestApiEventWriter.Write(request) : HttpApiEventWriter.Write(request);

    /// <summary>The request as the writers take it, with the ids of <paramref name="stamp"/> (what <see cref="Build"/> draws at random).</summary>
    public static ProxyEventRequest Request(ApiKind kind, IncomingRequest request, GatewayMatch match, GatewayStamp stamp) => new(
        request.Method,
        request.RawPath,
        request.RawQuery,
        request.Headers,
        new ProxyEventBody(request.Body),
        new ProxyEventContext
        {
            AccountId = GatewayIdentifiers.AccountId,
            ApiId = GatewayIdentifiers.ApiId,
            DomainName = request.Host,
            Stage = kind == ApiKind.Rest ? GatewayIdentifiers.RestStage : "$default",
            RequestId = stamp.RequestId,
            ExtendedRequestId = stamp.ExtendedRequestId,
            Time = request.Time,
            SourceIp = request.SourceIp,
            AddedHeaders = ForwardedHeaders.For(request, stamp.TraceId).ToList(),
            Protocol = request.Protocol,
            RouteMethod = match.Route.Method,
            RouteTemplate = match.Route.Template,
            RawPathParameters = match.RawPathParameters,
        });
}

/// <summary>The ids API Gateway draws for one request: its request id, REST's extended request id and the X-Ray trace id.</summary>
internal sealed record GatewayStamp(string RequestId, string ExtendedRequestId, string TraceId);
