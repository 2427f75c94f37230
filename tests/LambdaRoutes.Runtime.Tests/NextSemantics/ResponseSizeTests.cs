using LambdaRoutes.Runtime.Tests.Support;
using LambdaRoutes.Testing;

namespace LambdaRoutes.Runtime.Tests.NextSemantics;

/// <summary>Next's 4 MiB response warning (Next.js test/integration/api-support/test/index.test.ts) and Lambda's 6 MB response limit (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).</summary>
public sealed class ResponseSizeTests
{
    private static RouteTester Sending(int bytes) =>
        new(new InlineRoute((_, res) => res.Send(new string('.', bytes))), "/api/large-response");

    private const string Warning =
        "API response for /api/large-response exceeds 4MB. API Routes are meant to respond quickly. https://nextjs.org/docs/messages/api-routes-response-size-limit";

    [Fact]
    public async Task Case31_exactly_4_mib_is_sent_with_nexts_warning()
    {
        var res = await Sending(4 * 1024 * 1024).GetAsync("/api/large-response");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal(4 * 1024 * 1024, res.BodyBytes.Length);
        Assert.Equal(Warning, Assert.Single(res.Log.Entries, e => e.Level == LogLevel.Warning).Message);
    }

    [Fact]
    public async Task Just_under_4_mib_has_no_warning()
    {
        var res = await Sending(4 * 1024 * 1024 - 1).GetAsync("/api/large-response");

        Assert.Equal(200, res.StatusCode);
        Assert.Empty(res.Log.Entries);
    }

    [Fact]
    public async Task Over_lambdas_6_mb_limit_is_a_defined_500_not_a_refused_payload()
    {
        var res = await Sending(6 * 1024 * 1024 + 200).GetAsync("/api/large-response");

        Assert.Equal(500, res.StatusCode);
        Assert.Equal("Internal Server Error", res.Body);
        Assert.True(res.Log.Contains("over Lambda's 6291556-byte response limit"), res.Log.Buffer);
    }
}
