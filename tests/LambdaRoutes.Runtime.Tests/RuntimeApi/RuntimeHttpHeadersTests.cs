using System.Net;
using System.Net.Sockets;
using System.Text;
using LambdaRoutes.RuntimeApi;

namespace LambdaRoutes.Runtime.Tests.RuntimeApi;

/// <summary>
/// The Runtime API response head is parsed in place from bytes (RuntimeHttpHeaders, RuntimeHttpConnection.ReadHead):
/// names in any case, values trimmed, the first of repeated headers, comma lists for Connection and Transfer-Encoding,
/// and heads that arrive in pieces.
/// </summary>
public sealed class RuntimeHttpHeadersTests
{
    [Fact]
    public void Names_match_in_any_case_and_values_are_trimmed()
    {
        var headers = Parse("Lambda-Runtime-Aws-Request-Id:  req-1 \t\r\nlambda-runtime-deadline-ms:17\r\nX-Empty:\r\n");

        Assert.Equal("req-1", headers["LAMBDA-RUNTIME-AWS-REQUEST-ID"]);
        Assert.Equal("17", headers["Lambda-Runtime-Deadline-Ms"]);
        Assert.Equal("", headers["x-empty"]);
        Assert.Null(headers["Lambda-Runtime-Trace-Id"]);
    }

    [Fact]
    public void The_first_of_repeated_headers_wins_and_values_are_utf8()
    {
        var headers = Parse("X-Name: ünïcödé\nx-name: second\n");

        Assert.Equal("ünïcödé", headers["X-Name"]);
    }

    [Theory]
    [InlineData("Lambda-Runtime-Deadline-Ms: 1795291200000\r\n", true, 1795291200000)]
    [InlineData("Lambda-Runtime-Deadline-Ms: -5\r\n", true, -5)]
    [InlineData("Lambda-Runtime-Deadline-Ms: 17ms\r\n", false, 0)]
    [InlineData("Lambda-Runtime-Deadline-Ms:\r\n", false, 0)]
    [InlineData("Lambda-Runtime-Deadline-Ms: 99999999999999999999\r\n", false, 0)]
    [InlineData("Other: 5\r\n", false, 0)]
    public void Integers_are_read_from_the_value_bytes(string head, bool found, long expected)
    {
        Assert.Equal(found, Parse(head).TryGetInt64("lambda-runtime-deadline-ms", out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void A_value_equal_to_the_reused_string_is_that_string_and_a_different_one_is_new()
    {
        var previous = new string("arn:aws:lambda:us-east-1:000000000000:function:f".AsSpan());
        var headers = Parse("Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:000000000000:function:f\r\nX-Other: arn:aws:lambda:us-east-1:000000000000:function:g\r\n");

        Assert.Same(previous, headers.Get("lambda-runtime-invoked-function-arn", previous));
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:g", headers.Get("x-other", previous));
        Assert.Null(headers.Get("x-absent", previous));
    }

    [Theory]
    [InlineData("Transfer-Encoding: chunked\r\n", "transfer-encoding", "chunked", true)]
    [InlineData("Transfer-Encoding: gzip, Chunked\r\n", "transfer-encoding", "chunked", true)]
    [InlineData("Transfer-Encoding: notchunked\r\n", "transfer-encoding", "chunked", false)]
    [InlineData("Connection: keep-alive, close\r\n", "connection", "close", true)]
    [InlineData("Connection: keep-alive\r\n", "connection", "close", false)]
    [InlineData("Content-Length: 5\r\n", "connection", "close", false)]
    public void Tokens_are_found_in_comma_lists(string head, string name, string token, bool expected)
    {
        Assert.Equal(expected, Parse(head).HasToken(name, token));
    }

    [Fact]
    public void A_line_without_a_name_is_a_precise_error()
    {
        var error = Assert.Throws<IOException>(() => Parse("Good: 1\r\n: no name\r\n"));
        Assert.Equal("Malformed HTTP header from the Runtime API: \": no name\"", error.Message);
    }

    [Fact]
    public async Task A_head_that_arrives_one_byte_at_a_time_with_bare_line_feeds_is_read_whole()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var request = new byte[4096];
            var received = 0;
            while (!Encoding.ASCII.GetString(request, 0, received).Contains("\r\n\r\n"))
                received += await socket.ReceiveAsync(request.AsMemory(received), SocketFlags.None);
            var response = Encoding.UTF8.GetBytes(
                "HTTP/1.1 200 OK\nLambda-Runtime-Aws-Request-Id: req-slow\nContent-Length: 7\n\n{\"a\":1}");
            foreach (var b in response) await socket.SendAsync(new[] { b }, SocketFlags.None);
        });

        using var connection = new RuntimeHttpConnection("127.0.0.1", port);
        var response = connection.Send("GET", "/2018-06-01/runtime/invocation/next", [], ReadOnlySpan<byte>.Empty, CancellationToken.None);
        await server;

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("req-slow", response.Headers["lambda-runtime-aws-request-id"]);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(response.Body));
    }

    private static RuntimeHttpHeaders Parse(string head) => new(Encoding.UTF8.GetBytes(head));
}
