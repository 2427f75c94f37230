using System.Text.RegularExpressions;

namespace LambdaRoutes.Cdk.Planning;

/// <summary>One segment of an API Gateway path: a literal, a <c>{name}</c> variable or a greedy <c>{name+}</c>.</summary>
internal sealed partial record PathSegment(PathSegmentKind Kind, string Name, string Text)
{
    public bool IsVariable => Kind != PathSegmentKind.Literal;

    /// <summary>Parses one segment, or returns null when it is not valid API Gateway syntax.</summary>
    public static PathSegment? Parse(string text)
    {
        var variable = VariablePattern().Match(text);
        if (variable.Success)
        {
            var greedy = variable.Groups["greedy"].Success;
            return new PathSegment(greedy ? PathSegmentKind.Greedy : PathSegmentKind.Variable, variable.Groups["name"].Value, text);
        }

        return LiteralPattern().IsMatch(text) ? new PathSegment(PathSegmentKind.Literal, text, text) : null;
    }

    [GeneratedRegex(@"^\{(?<name>[A-Za-z0-9_]+)(?<greedy>\+)?\}$")]
    private static partial Regex VariablePattern();

    // URL path characters API Gateway accepts in a resource path part, without the braces of variables.
    [GeneratedRegex(@"^[A-Za-z0-9._~\-:@!$&'()*,;=%]+$")]
    private static partial Regex LiteralPattern();
}

internal enum PathSegmentKind
{
    Literal,
    Variable,
    Greedy,
}
