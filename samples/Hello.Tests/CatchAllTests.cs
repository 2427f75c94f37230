using Hello.Api.Docs;
using Hello.Api.Posts;
using Hello.Api.Users.Posts;
using LambdaRoutes.Testing;

namespace Hello.Tests;

public class CatchAllTests
{
    private readonly RouteTester _posts = new(new PostsByPath(), "/api/posts/[...slug]", AppJson.Default);
    private readonly RouteTester _docs = new(new Docs(), "/api/docs/[[...slug]]", AppJson.Default);
    private readonly RouteTester _userPost = new(new UserPost(), "/api/users/[id]/posts/[postId]", AppJson.Default);

    [Fact]
    public async Task A_catch_all_receives_every_segment()
    {
        var res = await _posts.GetAsync("/api/posts/2024/first-bug");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("The first actual bug", res.Json()!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_catch_all_prefix_lists_what_is_under_it()
    {
        var res = await _posts.GetAsync("/api/posts/2024");

        Assert.Equal(200, res.StatusCode);
        Assert.Equal(2, res.Json()!["pages"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_catch_all_does_not_match_its_bare_parent()
    {
        var res = await _posts.GetAsync("/api/posts");

        Assert.Equal(404, res.StatusCode);
    }

    [Fact]
    public async Task An_optional_catch_all_serves_its_bare_parent_without_the_param()
    {
        var res = await _docs.GetAsync("/api/docs");

        Assert.Equal(200, res.StatusCode);
        Assert.Contains("guide/routing", res.Body);
    }

    [Fact]
    public async Task An_optional_catch_all_serves_a_nested_page_through_a_rest_api_event()
    {
        var res = await _docs.SendAsync(new RestApiEventBuilder().Get("/api/docs/guide/routing"));

        Assert.Equal(200, res.StatusCode);
        Assert.Equal("Routing", res.Json()!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nested_dynamic_segments_both_arrive_as_params()
    {
        var found = await _userPost.GetAsync("/api/users/2/posts/cobol");
        var otherUsers = await _userPost.GetAsync("/api/users/1/posts/cobol");

        Assert.Equal(200, found.StatusCode);
        Assert.Equal("Why COBOL reads like English", found.Json()!["title"]!.GetValue<string>());
        Assert.Equal(404, otherUsers.StatusCode);
        Assert.Equal("User 1 has no post cobol", otherUsers.Json()!["error"]!.GetValue<string>());
    }
}
