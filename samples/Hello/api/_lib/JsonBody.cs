using System.Text.Json;
using LambdaRoutes;

namespace Hello.Api.Lib;

/// <summary>
/// Reads a JSON request body, or says what is wrong with it, so a route answers a client's mistake with a 400 and a
/// reason instead of a 500. An empty body, a JSON <c>null</c> and JSON that does not fit the type are all the client's
/// mistake; checking the fields is still the route's job.
/// </summary>
public static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>, or null with <paramref name="problem"/> saying why not.</summary>
    public static T? Read<T>(ApiRequest req, out string? problem) where T : class
    {
        if (req.Bytes().IsEmpty)
        {
            problem = "Expected a JSON body";
            return null;
        }

        try
        {
            var value = req.Json<T>();
            problem = value is null ? "Expected a JSON object, not null" : null;
            return value;
        }
        catch (JsonException ex)
        {
            problem = $"Invalid JSON body at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";
            return null;
        }
    }
}
