using Hello.Api.Users;
using LambdaRoutes.Testing;

namespace Hello.Tests;

public class UserByIdTests
{
    private readonly RouteTester _route = new(new UserById(), "/api/users/[id]", AppJson.Default);

    [Fact]
    public async Task Get_returns_the_user_with_the_query_name()
    {
        var res = await _route.GetAsync("/api/users/42?name=Grace");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("application/json; charset=utf-8", res.Header("content-type"));
        Assert.Equal("{\"Id\":\"42\",\"Name\":\"Grace\"}", res.Body);
    }

    [Fact]
    public async Task Put_reads_typed_json_and_sets_a_cookie_on_a_rest_api()
    {
        var res = await _route.SendAsync(new RestApiEventBuilder()
            .Put("/api/users/7")
            .Body("{\"Name\":\"Linus\"}", "application/json"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("Linus", (string?)res.Json()!["Name"]);
        Assert.Equal(new[] { "last-user=7; Path=/; HttpOnly; SameSite=Lax" }, res.Cookies);
    }

    [Fact]
    public async Task Body_over_the_route_limit_is_413_before_the_handler_runs()
    {
        var big = "{\"Name\":\"" + new string('x', 200_000) + "\"}";
        var res = await _route.SendAsync(
            new HttpApiEventBuilder().Put("/api/users/7").Body(big, "application/json"),
            new TestLambdaContext { AwsRequestId = "req-413" });

        Assert.Equal(413, res.StatusCode);
        Assert.Equal("Body exceeded 100kb limit", res.Body);
    }

    [Fact]
    public async Task Other_methods_get_405()
    {
        var res = await _route.SendAsync(new HttpApiEventBuilder().Delete("/api/users/7"));

        Assert.Equal(405, res.StatusCode);
        Assert.Equal("GET, PUT", res.Header("allow"));
    }
}
