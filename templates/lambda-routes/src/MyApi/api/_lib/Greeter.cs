namespace MyApi.Api.Lib;

/// <summary>A helper the routes share.</summary>
public static class Greeter
{
    public static Greeting For(string? name) =>
        new($"Hello, {(string.IsNullOrWhiteSpace(name) ? "world" : name.Trim())}!");
}
