using System.Net;
using System.Text;
using LambdaRoutes.Dev.Tests.Support;
using LambdaRoutes.Packager.Dev;
using LambdaRoutes.Packager.Dev.Hosting;

namespace LambdaRoutes.Dev.Tests.Dev;

/// <summary>
/// The dev server's streaming path in front of a scripted host: what any host's chunks become on the wire, without
/// building an app. The real bootstraps are covered in <see cref="AotHttpApiTests"/>.
/// </summary>
public sealed class StreamingGatewayTests
{
    private static readonly byte[] Delimiter = new byte[8];

    private static byte[] Chunk(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<(HttpResponseMessage Response, LogWriter Log)> GetAsync(Func<Func<ReadOnlyMemory<byte>, Task>, Task<RouteRun>> script)
    {
        var log = new LogWriter();
        await using var server = await DevServer.StartAsync(new DevOptions(".", Port: 0, Watch: false), new ScriptedHost(script), log.WriteLine);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var response = await client.GetAsync("/api/live");
        await response.Content.LoadIntoBufferAsync();
        return (response, log);
    }

    private static RouteRun Ok() => new(RunOutcome.Success, [], Cold: false, "#1");

    [Fact]
    public async Task Prelude_status_headers_and_cookies_become_the_response()
    {
        var (response, log) = await GetAsync(async write =>
        {
            await write(Chunk("""{"statusCode":207,"headers":{"content-type":"text/plain","x-one":"1"},"multiValueHeaders":{"x-many":["a","b"]},"cookies":["c=1"]}"""));
            await write(Delimiter.Concat(Chunk("hello ")).ToArray());
            await write(Chunk("world"));
            return Ok();
        });

        Assert.Equal((HttpStatusCode)207, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("x-one")));
        Assert.Equal(new[] { "a", "b" }, response.Headers.GetValues("x-many"));
        Assert.Equal("c=1", Assert.Single(response.Headers.GetValues("Set-Cookie")));
        Assert.True(response.Headers.Contains("apigw-requestid"));
        Assert.Equal("hello world", await response.Content.ReadAsStringAsync());
        Assert.Contains(log.Lines, l => l.StartsWith("GET /api/live → ApiLive 207 ", StringComparison.Ordinal) && l.EndsWith(" warm #1 (streamed)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_prelude_is_a_502_that_says_what_is_wrong()
    {
        var (response, log) = await GetAsync(async write =>
        {
            await write(Chunk("""{"statusCode":"soon"}""").Concat(Delimiter).Concat(Chunk("body")).ToArray());
            return Ok();
        });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("""{"message":"Malformed Lambda streaming response: statusCode \u0022soon\u0022 is not an integer from 100 to 599"}""",
            await response.Content.ReadAsStringAsync());
        Assert.Contains(log.Lines, l => l.StartsWith("GET /api/live → ApiLive 502 ", StringComparison.Ordinal) && l.Contains("(malformed streaming response: statusCode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stream_without_the_delimiter_is_a_502()
    {
        var (response, _) = await GetAsync(async write =>
        {
            await write(Chunk("""{"statusCode":200}"""));
            return Ok();
        });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("no prelude: the stream ended after 18 bytes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_function_error_after_the_prelude_cuts_the_connection()
    {
        var log = new LogWriter();
        var clientHasChunk = new TaskCompletionSource();
        await using var server = await DevServer.StartAsync(new DevOptions(".", Port: 0, Watch: false), new ScriptedHost(async write =>
        {
            await write(Chunk("{}").Concat(Delimiter).Concat(Chunk("partial")).ToArray());
            // Fail only once the client holds the chunk: a reset connection may drop bytes the client has not read yet.
            await clientHasChunk.Task;
            return new RouteRun(RunOutcome.FunctionError, [], Cold: true, "#1", "StreamFailed");
        }), log.WriteLine);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await client.GetAsync("/api/live", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = await StreamedBody.ReadUntilAsync(body, "partial");
        clientHasChunk.SetResult();
        var error = await Record.ExceptionAsync(() => new StreamReader(body).ReadToEndAsync());
        await server.DisposeAsync();

        Assert.Equal("partial", first);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(error is HttpRequestException or IOException, $"the body ended normally or with {error}");
        Assert.Contains(log.Lines, l => l.StartsWith("GET /api/live → ApiLive 200 ", StringComparison.Ordinal) && l.EndsWith("(function error StreamFailed)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_client_write_is_reported_and_the_rest_of_the_stream_is_still_read()
    {
        var writes = 0;
        async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks()
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Yield();
                yield return Chunk("x");
            }
        }

        var consumed = 0;
        async IAsyncEnumerable<ReadOnlyMemory<byte>> Counted()
        {
            await foreach (var c in Chunks())
            {
                consumed++;
                yield return c;
            }
        }

        var failure = await StreamForwarder.ForwardAsync(Counted(), _ => ++writes == 1 ? throw new IOException("client gone") : Task.CompletedTask);

        Assert.IsType<IOException>(failure);
        Assert.Equal(1, writes);
        Assert.Equal(3, consumed);
    }

    private sealed class ScriptedHost(Func<Func<ReadOnlyMemory<byte>, Task>, Task<RouteRun>> script) : IRouteHost
    {
        public string Mode => "scripted";

        public DevRouteSet Routes { get; } = new([new DevRoute("ApiLive", "/api/live", "api/live.cs", ["/api/live"], DevRoute.AnyMethod, 5, 128, Streaming: true)]);

        public Task<RouteRun> InvokeAsync(DevRoute route, byte[] eventJson) => throw new NotSupportedException("only the streaming path is scripted");

        public async Task<RouteRun> StreamAsync(DevRoute route, byte[] eventJson, Func<ReadOnlyMemory<byte>, Task> write)
        {
            // As both real hosts do: a write that throws ends the run as a function error.
            try
            {
                return await script(write);
            }
            catch (FormatException ex)
            {
                return new RouteRun(RunOutcome.FunctionError, [], Cold: false, "#1", ex.GetType().Name);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
