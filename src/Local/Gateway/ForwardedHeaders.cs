using System.Globalization;

namespace LambdaRoutes.Local.Gateway;

/// <summary>
/// The headers API Gateway adds to every proxied request (seen in every genuine event, tests/fixtures/events): the client
/// address, port and scheme, and an X-Ray trace id. A header the client sent itself is not duplicated.
/// </summary>
internal static class ForwardedHeaders
{
    public static IEnumerable<KeyValuePair<string, string>> For(IncomingRequest request, string traceId)
    {
        var added = new (string Name, string Value)[]
        {
            ("X-Amzn-Trace-Id", traceId),
            ("X-Forwarded-For", request.SourceIp),
            ("X-Forwarded-Port", request.LocalPort.ToString(CultureInfo.InvariantCulture)),
            ("X-Forwarded-Proto", "http"),
        };
        return added.Where(a => request.Header(a.Name) is null).Select(a => new KeyValuePair<string, string>(a.Name, a.Value));
    }
}
