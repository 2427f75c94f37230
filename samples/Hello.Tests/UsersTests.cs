using Hello.Api.Users;
using LambdaRoutes.Testing;

namespace Hello.Tests;

public class UsersTests
{
    private readonly RouteTester _users = new(new UsersIndex(), "/api/users", AppJson.Default);
    private readonly RouteTester _user = new(new UserById(), "/api/users/[id]", AppJson.Default);

    [Fact]
    public async Task Lists_every_user_as_json()
    {
        var res = await _users.GetAsync("/api/users");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("application/json; charset=utf-8", res.Header("content-type"));
        Assert.Equal(3, res.Json()!["total"]!.GetValue<int>());
        Assert.Equal("Ada Lovelace", res.Json()!["users"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Finds_a_user_by_the_id_in_the_path()
    {
        var res = await _user.GetAsync("/api/users/2");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("""{"id":"2","name":"Grace Hopper","email":"grace@example.com"}""", res.Body);
    }

    [Fact]
    public async Task Unknown_user_is_a_404_with_a_json_error()
    {
        var res = await _user.GetAsync("/api/users/99");

        Assert.Equal(404, res.StatusCode);
        Assert.Equal("No user 99", res.Json()!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_a_user_answers_201_with_its_location()
    {
        var res = await _users.SendAsync(new HttpApiEventBuilder()
            .Post("/api/users")
            .Body("""{"name":"Edsger Dijkstra","email":"ewd@example.com"}""", "application/json"));

        Assert.Equal(201, res.StatusCode);
        Assert.Equal("/api/users/4", res.Header("location"));
        Assert.Equal("Edsger Dijkstra", res.Json()!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"name":"","email":"x@example.com"}""", "name is required")]
    [InlineData("""{"name":"X","email":"not-an-address"}""", "email must be an e-mail address")]
    public async Task Invalid_new_users_are_refused_with_the_reason(string body, string reason)
    {
        var res = await _users.SendAsync(new HttpApiEventBuilder().Post("/api/users").Body(body, "application/json"));

        Assert.Equal(400, res.StatusCode);
        Assert.Equal(reason, res.Json()!["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", null, "Expected a JSON body")]
    [InlineData("null", "application/json", "Expected a JSON object, not null")]
    [InlineData("{oops", "text/plain", "Invalid JSON body at line 1")]
    [InlineData("""{"name":7}""", "text/plain", "Invalid JSON body at line 1")]
    public async Task A_body_that_is_not_a_user_is_refused_with_the_reason_not_a_500(string body, string? contentType, string reason)
    {
        var res = await _users.SendAsync(new HttpApiEventBuilder().Post("/api/users").Body(body, contentType));

        Assert.Equal(400, res.StatusCode);
        Assert.StartsWith(reason, res.Json()!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_routes_16kb_limit_never_reaches_the_handler()
    {
        var huge = $$"""{"name":"{{new string('x', 17 * 1024)}}","email":"a@b.c"}""";

        var res = await _users.SendAsync(new HttpApiEventBuilder().Post("/api/users").Body(huge, "application/json"));

        Assert.Equal(413, res.StatusCode);
        Assert.Equal("Body exceeded 16kb limit", res.Body);
    }

    [Fact]
    public async Task Other_methods_get_405_with_allow()
    {
        var res = await _users.SendAsync(new RestApiEventBuilder().Delete("/api/users"));

        Assert.Equal(405, res.StatusCode);
        Assert.Equal("GET, POST", res.Header("allow"));
    }
}
