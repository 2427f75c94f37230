using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaRoutes.Bootstrap;
using LambdaRoutes.Cors;
using LambdaRoutes.Http;
using LambdaRoutes.Json;
using LambdaRoutes.Mapping;
using LambdaRoutes.Routing;
using LambdaRoutes.Streaming;

namespace LambdaRoutes;

/// <summary>
/// Runs one route on one event: event JSON bytes in, response JSON bytes out. This is the only mapping path —
/// <see cref="LambdaHost"/> uses it in production, the Testing kit's <c>RouteTester</c> and the dev server use it
/// in-process — so tests exercise exactly what runs on Lambda.
/// </summary>
/// <remarks>
/// Stages: decode the event (v1 / 2.0 / function URL) → normalise the path (308) → match the route (404) →
/// check and parse the body (413 / 400; a verb-style route parses on first read) → run the handler (500 on exception or when it never ends the response) → encode
/// the response in the event's own format. Every bad input gets a status and a message; nothing here throws.
/// Internal: users write routes, not invokers; the tool, the Testing kit and the bench reach it through InternalsVisibleTo.
/// </remarks>
internal sealed class RouteInvoker : IInvocationHandler
{
    private readonly IApiRoute _route;
    private readonly RoutePattern _pattern;
    private readonly BodySizeLimit? _limit;
    private readonly bool _parseBody;
    private readonly BodyParsing _bodyParsing;
    private readonly JsonResolver _json;
    private readonly CorsPolicy? _cors;

    /// <summary>Validates the options once, at start-up.</summary>
    /// <exception cref="FormatException"><see cref="RouteOptions.Route"/> or <see cref="RouteOptions.BodySizeLimit"/> is invalid.</exception>
    public RouteInvoker(IApiRoute route, RouteOptions options, JsonSerializerContext? json = null)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(options);
        _route = route;
        _pattern = RoutePattern.Parse(options.Route);
        // A verb-style route is an App Router route handler: no body parser, and no size limit unless the route sets one.
        _bodyParsing = route is VerbRoute ? BodyParsing.OnFirstRead : BodyParsing.BeforeHandler;
        _limit = _bodyParsing == BodyParsing.OnFirstRead && options.BodySizeLimit is null ? null : Http.BodySizeLimit.Parse(options.BodySizeLimit);
        _parseBody = options.BodyParser;
        _json = new JsonResolver(json);
        _cors = options.Cors;
        Streams = options.Streaming;
    }

    /// <summary><see cref="RouteOptions.Streaming"/>: the Runtime API loop answers through <see cref="InvokeStreamingAsync"/>.</summary>
    public bool Streams { get; }

    /// <summary>Handles one invocation payload and returns the response payload for the Runtime API.</summary>
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await RunAsync(eventJson, context).ConfigureAwait(false);
        if (outcome.Response is not { } res) return EncodeUnknown(outcome.UnknownStatus, outcome.UnknownMessage!);
        var request = outcome.Request!;
        // A streamed body on a buffered route: collect the writes and send them as one body.
        if (res.StreamWriter is { } writer) await CollectStreamAsync(writer, res, request, context).ConfigureAwait(false);
        var payload = Encode(request.Source, res);
        if (payload.Length > MaxResponsePayloadBytes)
        {
            // Lambda would refuse it (Function.ResponseSizeTooLarge, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html) and the caller would get a bare 502;
            // answer a defined 500 instead and say why in the log.
            context.Logger.LogError($"Response for {request.Method} {request.Path} is {payload.Length} bytes encoded, over Lambda's " +
                                    $"{MaxResponsePayloadBytes}-byte response limit; answering 500 instead.");
            res.Reset(500, "Internal Server Error");
            payload = Encode(request.Source, res);
        }
        return payload;
    }

    /// <summary>
    /// Handles one invocation in Lambda's response streaming mode (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming): <paramref name="write"/> receives the
    /// HTTP integration prelude and the 8-NUL delimiter as the first chunk, then each body write as it happens. Every
    /// answer, streamed or not (404, 413, a plain JSON result), goes out this way on a streaming route.
    /// </summary>
    /// <exception cref="Exception">The body writer failed after the prelude was sent: the caller reports it in the
    /// error trailers; the client has already received the status and part of the body.</exception>
    public async Task InvokeStreamingAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context, Func<ReadOnlyMemory<byte>, Task> write)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(write);
        var outcome = await RunAsync(eventJson, context).ConfigureAwait(false);
        if (outcome.Response is not { } res)
        {
            await write(StreamingPrelude.ForUnknownEvent(outcome.UnknownStatus, outcome.UnknownMessage!)).ConfigureAwait(false);
            return;
        }
        var prelude = StreamingPrelude.Write(res);
        if (res.StreamWriter is not { } writer)
        {
            await write(Joined(prelude, res)).ConfigureAwait(false);
            return;
        }
        await write(prelude).ConfigureAwait(false);
        try
        {
            await writer(new ResponseStream(write)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            context.Logger.LogError(ex, $"Streamed response for {outcome.Request!.Method} {outcome.Request.Path} failed mid-stream " +
                                        $"(request {context.AwsRequestId}); reporting it in the error trailers");
            throw;
        }
    }

    /// <summary>The shared front half: decode, route, parse, run the handler, strip bodies HEAD/204/304 must not carry.</summary>
    private async Task<Outcome> RunAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        HttpRequestData request;
        switch (EventDecoder.Decode(eventJson))
        {
            case DecodedEvent.Request decoded:
                request = decoded.Data;
                break;
            case DecodedEvent.InvalidJson bad:
                context.Logger.LogWarning("Invalid event: the payload is not valid JSON (" + bad.Reason + ")");
                return new Outcome(null, null, 400, "Invalid event: the payload is not valid JSON");
            case DecodedEvent.UnknownShape unknown:
                context.Logger.LogWarning("Unrecognised event: " + unknown.Reason);
                return new Outcome(null, null, 400, "Unrecognised event: expected an API Gateway REST (v1), HTTP API (2.0) or function URL event");
            default:
                throw new InvalidOperationException("unreachable");
        }

        var res = new ApiResponse(request.Headers, _json);
        if (_cors is not null && CorsHandler.IsPreflight(request))
        {
            CorsHandler.AnswerPreflight(_cors, request, res); // before the handler, as the cors package does
        }
        else
        {
            await RespondAsync(request, res, context).ConfigureAwait(false);
            if (_cors is not null) CorsHandler.Decorate(_cors, request, res); // errors too, so the page can read them
        }
        res.StripBodyForNoContent();
        if (request.Method == "HEAD") res.StripBodyForHead();
        return new Outcome(request, res, 0, null);
    }

    /// <summary>A buffered answer on a streaming route goes out as one chunk: prelude, delimiter and body together.</summary>
    private static byte[] Joined(byte[] prelude, ApiResponse res)
    {
        var body = res.BodySpan;
        var chunk = new byte[prelude.Length + body.Length];
        prelude.CopyTo(chunk, 0);
        body.CopyTo(chunk.AsSpan(prelude.Length));
        return chunk;
    }

    private sealed record Outcome(HttpRequestData? Request, ApiResponse? Response, int UnknownStatus, string? UnknownMessage);

    private static async Task CollectStreamAsync(Func<ResponseStream, Task> writer, ApiResponse res, HttpRequestData request, ILambdaContext context)
    {
        using var buffer = new MemoryStream();
        try
        {
            await writer(new ResponseStream(bytes =>
            {
                buffer.Write(bytes.Span);
                return Task.CompletedTask;
            })).ConfigureAwait(false);
            res.CompleteStream(buffer.ToArray());
        }
        catch (Exception ex)
        {
            context.Logger.LogError(ex, $"Streamed response for {request.Method} {request.Path} failed (request {context.AwsRequestId})");
            res.Reset(500, "Internal Server Error");
        }
    }

    /// <summary>Lambda's synchronous response limit: 6 MiB + 100 bytes (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, the RIE's <c>MaxPayloadSize</c>).</summary>
    internal const int MaxResponsePayloadBytes = 6 * 1024 * 1024 + 100;

    /// <summary>Next warns (and still sends) at 4 MiB (Next.js packages/next/src/server/api-utils/node/api-resolver.ts, <c>responseLimit</c> default).</summary>
    internal const int ResponseWarningBytes = 4 * 1024 * 1024;

    private static byte[] Encode(ApiEventSource source, ApiResponse res) => ProxyResponseWriter.Write(source, res);

    private async Task RespondAsync(HttpRequestData request, ApiResponse res, ILambdaContext context)
    {
        if (request.BodyIsInvalidBase64)
        {
            context.Logger.LogWarning("Invalid body: isBase64Encoded is true but the body is not base64");
            res.Reset(400, "Invalid body");
            return;
        }

        var url = request.RawQuery.Length > 0 ? request.Path + "?" + request.RawQuery : request.Path;
        if (PathNormalizer.RedirectTarget(request.Path) is { } target)
        {
            // Next's built-in redirect (Next.js packages/next/src/lib/load-custom-routes.ts): 308, Location, Refresh, destination as the body.
            // Control characters cannot come from a real HTTP request line; refuse rather than echo them in a header.
            if (target.Any(char.IsControl) || request.RawQuery.Any(char.IsControl)) { res.Reset(400, "Bad Request"); return; }
            var destination = PathNormalizer.EncodeForLocation(target) + (request.RawQuery.Length > 0 ? "?" + request.RawQuery : "");
            res.Reset(308, destination);
            res.SetHeaderUnchecked("Location", destination);
            res.SetHeaderUnchecked("Refresh", "0;url=" + destination);
            return;
        }

        var match = _pattern.Match(request.Path);
        if (match.Kind == RouteMatchKind.NoMatch) { res.Reset(404, "Not Found"); return; }
        if (match.Kind == RouteMatchKind.BadEncoding) { res.Reset(400, "Bad Request"); return; }

        var parsed = BodyParser.Parse(request.Body, request.Headers["content-type"], _limit, _parseBody, _bodyParsing, _json);
        if (parsed.Body is null)
        {
            res.Reset(parsed.Status, parsed.Error);
            return;
        }

        var req = new ApiRequest(
            request.Method, request.Path, url, request.Headers,
            request.Query.MergedWith(match.Params), match.Params,
            CookieParser.Parse(request.Headers.GetAll("cookie")), parsed.Body, context, request.Source)
        {
            Identity = request.Identity,
        };

        try
        {
            await _route.HandleAsync(req, res).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Next.js packages/next/src/server/api-utils/node/api-resolver.ts (production): the error goes to the log with the request id, never to the client.
            context.Logger.LogError(ex, $"Unhandled error in {req.Method} {url} (request {context.AwsRequestId})");
            if (!res.HasEnded) res.Reset(500, "Internal Server Error");
            return;
        }

        if (res.BodyLength >= ResponseWarningBytes)
            context.Logger.LogWarning($"API response for {url} exceeds 4MB. API Routes are meant to respond quickly. " +
                                      "https://nextjs.org/docs/messages/api-routes-response-size-limit");

        if (!res.HasEnded)
        {
            // Next would stall here; a Lambda must answer, so: Next's warning text, then a 500.
            context.Logger.LogWarning($"API resolved without sending a response for {url}, this may result in stalled requests.");
            res.Reset(500, "Internal Server Error");
        }
    }

    /// <summary>
    /// For payloads whose format is unknown: a plain <c>{statusCode, headers, body, isBase64Encoded}</c> object,
    /// which both REST and 2.0 integrations accept.
    /// </summary>
    private static byte[] EncodeUnknown(int status, string message) => ProxyResponseWriter.WriteText(status, message);
}
