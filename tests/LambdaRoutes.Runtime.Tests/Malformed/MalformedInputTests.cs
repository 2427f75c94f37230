using System.Text.Json.Nodes;
using LambdaRoutes.Core;
using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.RuntimeApi;
using LambdaRoutes.Testing;
using LambdaRoutes.Local.RuntimeApi;

namespace LambdaRoutes.Runtime.Tests.Malformed;

/// <summary>
/// Each malformed input gets its defined answer, and the loop then serves the next event — run through
/// <see cref="LambdaHost"/> over real sockets against a Runtime API on 127.0.0.1 (docs/runtime.md: the runtime never dies on a bad event).
/// </summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in MalformedEvents.All()) data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_input_gets_its_answer_and_the_loop_serves_the_next_event(string name)
    {
        var bad = MalformedEvents.All().Single(c => c.Name == name);
        await using var api = await QueuedRuntimeApi.StartAsync();
        using var stop = new CancellationTokenSource();
        var log = new CapturedLog();
        var host = Task.Run(() => LambdaHost.RunAsync(MalformedEvents.EchoRoute, new RouteOptions { Route = MalformedEvents.Route }, null,
            new FakeEnvironment(("AWS_LAMBDA_RUNTIME_API", api.Endpoint)), log.Sink,
            (endpoint, logError) => new RuntimeApiClient(endpoint, logError), stop.Token));

        api.Enqueue("bad", bad.Event);
        api.Enqueue("good", MalformedEvents.GoodEvent("still alive"));
        var first = await api.NextPostAsync();
        var second = await api.NextPostAsync();
        stop.Cancel();
        var exit = await host;

        Assert.Equal("/2018-06-01/runtime/invocation/bad/response", first.Path);
        var answer = JsonNode.Parse(first.Text)!;
        Assert.Equal(bad.Status, (int)answer["statusCode"]!);
        Assert.Equal(bad.Body, (string?)answer["body"]);
        Assert.DoesNotContain("pwned", first.Text);

        Assert.Equal("/2018-06-01/runtime/invocation/good/response", second.Path);
        Assert.Equal("still alive", (string?)JsonNode.Parse(second.Text)!["body"]);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Crlf_in_request_headers_reaches_the_handler_as_data_only()
    {
        var tester = new RouteTester(new InlineRoute((req, res) => res.Send(req.Headers["x-note"]!.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))), "/api/x");

        var res = await tester.SendAsync(new HttpApiEventBuilder().Get("/api/x").Header("x-note", "a\r\nb"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("4", res.Body);
    }

    [Fact]
    public async Task Refused_response_header_is_logged_with_the_request_id()
    {
        var tester = new RouteTester(MalformedEvents.EchoRoute(), MalformedEvents.Route);

        var res = await tester.SendAsync(new RestApiEventBuilder().Get(MalformedEvents.Route).Header("x-echo", "a\nb"),
            new TestLambdaContext { AwsRequestId = "crlf-1" });

        Assert.Equal(500, res.StatusCode);
        var error = Assert.Single(res.Log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains("crlf-1", error.Message);
        Assert.Contains("Invalid character in header content [\"x-echo\"]", error.Message);
    }
}
