using System.Text.Json;

namespace LambdaRoutes.Cdk.Tests.Support;

/// <summary>Reads CloudFormation intrinsics out of template JSON.</summary>
public static class TemplateJson
{
    public static string Ref(JsonElement value) => value.GetProperty("Ref").GetString()!;

    public static string GetAttTarget(JsonElement value) => value.GetProperty("Fn::GetAtt")[0].GetString()!;

    public static JsonElement Props(JsonElement resource) => resource.GetProperty("Properties");

    /// <summary>The parts of an <c>Fn::Join</c> with "" as separator.</summary>
    public static JsonElement[] JoinParts(JsonElement value)
    {
        var join = value.GetProperty("Fn::Join");
        Assert.Equal("", join[0].GetString());
        return join[1].EnumerateArray().ToArray();
    }

    /// <summary>An <c>Fn::Join</c> flattened to text, with <c>{Ref:X}</c> and <c>{GetAtt:X}</c> placeholders.</summary>
    public static string JoinText(JsonElement value) => string.Concat(JoinParts(value).Select(part => part.ValueKind switch
    {
        JsonValueKind.String => part.GetString(),
        _ when part.TryGetProperty("Ref", out var r) => "{Ref:" + r.GetString() + "}",
        _ when part.TryGetProperty("Fn::GetAtt", out var g) => "{GetAtt:" + g[0].GetString() + "." + g[1].GetString() + "}",
        _ => part.GetRawText(),
    }));

    public static IEnumerable<string> Strings(JsonElement arrayOrString) => arrayOrString.ValueKind == JsonValueKind.Array
        ? arrayOrString.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())
        : [arrayOrString.ValueKind == JsonValueKind.String ? arrayOrString.GetString()! : arrayOrString.GetRawText()];
}
