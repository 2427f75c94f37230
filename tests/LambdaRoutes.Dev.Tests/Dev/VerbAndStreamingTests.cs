using System.Diagnostics;
using System.Net;
using System.Text;
using LambdaRoutes.Dev.Tests.Support;

namespace LambdaRoutes.Dev.Tests.Dev;

/// <summary>The in-process dev server runs the sample's verb-style routes and streams its streaming route.</summary>
public sealed class VerbAndStreamingTests(InProcessHttpApiFixture fixture) : IClassFixture<InProcessHttpApiFixture>
{
    [Fact]
    public async Task Verb_routes_answer_with_the_app_router_rules()
    {
        var get = await fixture.Client.GetAsync("/api/notes");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("application/json", get.Content.Headers.ContentType!.ToString());

        var options = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/api/notes"));
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS, POST", string.Join(", ", options.Content.Headers.Allow));

        var delete = await fixture.Client.DeleteAsync("/api/notes");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
    }

    [Fact]
    public async Task Streamed_chunks_arrive_before_the_handler_finishes()
    {
        // Three ticks 1.5 s apart: if the dev server buffered, the first tick would arrive with the last, after ~3 s.
        using var response = await fixture.Client.GetAsync("/api/events?count=3&delayMs=1500", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.ToString());
        await using var body = await response.Content.ReadAsStreamAsync();
        var clock = Stopwatch.StartNew();
        var text = new StringBuilder();
        var buffer = new byte[1024];
        TimeSpan? firstTick = null;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (firstTick is null && text.ToString().Contains("\"tick\":1", StringComparison.Ordinal)) firstTick = clock.Elapsed;
        }

        var total = clock.Elapsed;
        Assert.Equal(3, text.ToString().Split("event: tick").Length - 1);
        Assert.NotNull(firstTick);
        Assert.True(total - firstTick.Value > TimeSpan.FromSeconds(2.5),
            $"first tick at {firstTick.Value.TotalMilliseconds:0} ms, stream ended at {total.TotalMilliseconds:0} ms: not streamed");
    }
}
