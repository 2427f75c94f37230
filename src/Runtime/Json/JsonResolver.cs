using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LambdaRoutes.Json;

/// <summary>
/// Finds the source-generated <see cref="JsonTypeInfo{T}"/> for a type: the app's context first (registered once per
/// app through <c>LambdaHost.RunAsync</c>), then the runtime's own (JsonNode and scalars). No reflection, so it is
/// AOT-safe; an unregistered type fails with a message that says how to register it.
/// </summary>
internal sealed class JsonResolver
{
    /// <summary>
    /// The runtime's own metadata, written like JavaScript's <c>JSON.stringify</c> (no HTML escaping of
    /// <c>&lt;</c>, <c>&amp;</c>, quotes or non-ASCII text).
    /// </summary>
    private static readonly RuntimeJsonContext Builtin = new(new JsonSerializerOptions
    {
        Encoder = RelaxedJsonEncoder.Instance,
    });

    private readonly JsonSerializerContext? _app;

    public JsonResolver(JsonSerializerContext? app) => _app = app;

    /// <summary>The app context passed to <c>RunAsync</c>, if any.</summary>
    public JsonSerializerContext? App => _app;

    public JsonTypeInfo<T> Get<T>()
    {
        if (_app?.GetTypeInfo(typeof(T)) is JsonTypeInfo<T> fromApp) return fromApp;
        if (Builtin.GetTypeInfo(typeof(T)) is JsonTypeInfo<T> builtin) return builtin;
        throw new InvalidOperationException(UnregisteredMessage(typeof(T), _app));
    }

    internal static string UnregisteredMessage(Type type, JsonSerializerContext? app)
    {
        var name = type.FullName ?? type.Name;
        return app is null
            ? $"No JSON metadata for type '{name}': the route has no JsonSerializerContext. Declare one in the app " +
              $"(e.g. [JsonSerializable(typeof({type.Name}))] partial class AppJson : JsonSerializerContext) and pass " +
              "AppJson.Default to LambdaHost.RunAsync (lambda-routes finds it for you), or pass a JsonTypeInfo explicitly."
            : $"No JSON metadata for type '{name}' in {app.GetType().Name}. Add [JsonSerializable(typeof({type.Name}))] " +
              $"to {app.GetType().Name} (Native AOT cannot serialise a type without source-generated metadata).";
    }
}
