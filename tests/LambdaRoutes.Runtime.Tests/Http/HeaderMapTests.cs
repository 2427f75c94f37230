namespace LambdaRoutes.Runtime.Tests.Http;

/// <summary>
/// Request headers: case-insensitive names, the first arrival's spelling and order kept, every value of a repeated
/// name (REST multiValueHeaders), and nothing for an absent one.
/// </summary>
public sealed class HeaderMapTests
{
    [Fact]
    public void Names_match_in_any_case_and_repeated_names_keep_every_value_in_order()
    {
        var map = new HeaderMap();
        map.Add("Accept", "a");
        map.Add("X-Id", "1");
        map.Add("accept", "b");
        map.Add("ACCEPT", "c");

        Assert.Equal("a", map["aCCept"]);
        Assert.Equal(new[] { "a", "b", "c" }, map.GetAll("accept"));
        Assert.Equal(new[] { "1" }, map.GetAll("x-id"));
        Assert.Equal(new[] { "Accept", "X-Id" }, map.Names);
        Assert.Equal(2, map.Count);
        Assert.Equal(new[] { "Accept=a,b,c", "X-Id=1" }, map.Select(h => h.Key + "=" + string.Join(",", h.Value)));
    }

    [Fact]
    public void Absent_names_and_names_of_another_length_are_not_found()
    {
        var map = new HeaderMap();
        map.Add("host", "h");

        Assert.Null(map["hos"]);
        Assert.Null(map["hosts"]);
        Assert.False(map.Contains("x"));
        Assert.Empty(map.GetAll("cookie"));
        Assert.True(map.Contains("HOST"));
    }
}
