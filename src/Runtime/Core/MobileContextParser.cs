using System.Text.Json;

namespace LambdaRoutes.Core;

/// <summary>
/// Reads the Mobile SDK headers <c>Lambda-Runtime-Client-Context</c> and <c>Lambda-Runtime-Cognito-Identity</c>
/// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html). <see cref="JsonDocument"/> rather than serializer binding: no metadata to build at cold start, and it
/// only runs when a handler asks.
/// </summary>
internal static class MobileContextParser
{
    /// <summary>False when <paramref name="json"/> is not a client context; <paramref name="error"/> then says why.</summary>
    public static bool TryParseClientContext(string json, out IClientContext? result, out string? error)
    {
        result = null;
        if (!TryParseObject(json, out var document, out error)) return false;
        using (document)
        {
            var root = document!.RootElement;
            ClientApplication? client = null;
            Dictionary<string, string>? custom = null, env = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "client":
                        if (!IsObjectOrNull(property.Value, "client", out error)) return false;
                        if (property.Value.ValueKind == JsonValueKind.Object) client = ReadClient(property.Value);
                        break;
                    case "custom":
                        if (!IsObjectOrNull(property.Value, "custom", out error)) return false;
                        custom = ReadMap(property.Value);
                        break;
                    case "env":
                        if (!IsObjectOrNull(property.Value, "env", out error)) return false;
                        env = ReadMap(property.Value);
                        break;
                }
            }
            // Empty maps rather than null: ported code indexes Custom/Environment straight away, and a missing key
            // is then a KeyNotFoundException naming the key instead of a NullReferenceException.
            result = new ClientContext(client, custom ?? new Dictionary<string, string>(StringComparer.Ordinal),
                env ?? new Dictionary<string, string>(StringComparer.Ordinal));
            return true;
        }
    }

    /// <summary>False when <paramref name="json"/> is not a Cognito identity; <paramref name="error"/> then says why.</summary>
    public static bool TryParseIdentity(string json, out ICognitoIdentity? result, out string? error)
    {
        result = null;
        if (!TryParseObject(json, out var document, out error)) return false;
        using (document)
        {
            string? id = null, pool = null;
            foreach (var property in document!.RootElement.EnumerateObject())
            {
                if (property.Name == "cognitoIdentityId") id = Text(property.Value);
                else if (property.Name == "cognitoIdentityPoolId") pool = Text(property.Value);
            }
            result = new CognitoIdentity(id, pool);
            return true;
        }
    }

    private static bool TryParseObject(string json, out JsonDocument? document, out string? error)
    {
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            document = null;
            error = ex.Message;
            return false;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            error = $"expected a JSON object, got {document.RootElement.ValueKind}";
            document.Dispose();
            document = null;
            return false;
        }
        error = null;
        return true;
    }

    private static bool IsObjectOrNull(JsonElement value, string name, out string? error)
    {
        error = value.ValueKind is JsonValueKind.Object or JsonValueKind.Null ? null : $"\"{name}\" is {value.ValueKind}, not an object";
        return error is null;
    }

    private static ClientApplication ReadClient(JsonElement client)
    {
        var app = new ClientApplication();
        foreach (var property in client.EnumerateObject())
        {
            switch (property.Name)
            {
                case "installation_id": app.InstallationId = Text(property.Value); break;
                case "app_title": app.AppTitle = Text(property.Value); break;
                case "app_version_name": app.AppVersionName = Text(property.Value); break;
                case "app_version_code": app.AppVersionCode = Text(property.Value); break;
                case "app_package_name": app.AppPackageName = Text(property.Value); break;
            }
        }
        return app;
    }

    private static Dictionary<string, string>? ReadMap(JsonElement map)
    {
        if (map.ValueKind != JsonValueKind.Object) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            // A null value is "no value"; storing it would break the non-null string values the interface promises.
            if (Text(property.Value) is { } text) result[property.Name] = text;
        }
        return result;
    }

    /// <summary>
    /// Strings as they are; other values (an SDK sending <c>"version": 3</c>) as their JSON text, so a
    /// slightly-off client does not lose the whole context; null as null.
    /// </summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };

    private sealed class ClientContext(IClientApplication? client, IDictionary<string, string> custom, IDictionary<string, string> environment)
        : IClientContext
    {
        public IDictionary<string, string> Environment { get; } = environment;
        public IClientApplication? Client { get; } = client;
        public IDictionary<string, string> Custom { get; } = custom;
    }

    private sealed class ClientApplication : IClientApplication
    {
        public string? AppPackageName { get; set; }
        public string? AppTitle { get; set; }
        public string? AppVersionCode { get; set; }
        public string? AppVersionName { get; set; }
        public string? InstallationId { get; set; }
    }

    private sealed class CognitoIdentity(string? identityId, string? identityPoolId) : ICognitoIdentity
    {
        public string? IdentityId { get; } = identityId;
        public string? IdentityPoolId { get; } = identityPoolId;
    }
}
