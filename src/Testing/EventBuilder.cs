using System.Text;
using System.Text.Json.Nodes;

namespace LambdaRoutes.Testing;

/// <summary>
/// What the REST and HTTP API builders share: method, path, query, headers, cookies and body, set fluently.
/// <see cref="ToJson"/> gives the event bytes exactly as API Gateway would send them.
/// </summary>
public abstract class EventBuilder<TSelf> where TSelf : EventBuilder<TSelf>
{
    /// <summary>HTTP method; GET by default.</summary>
    protected string HttpMethod { get; private set; } = "GET";

    /// <summary>The path without a query, e.g. <c>/api/users/1</c>.</summary>
    protected string RequestPath { get; private set; } = "/";

    /// <summary>Query parameters in order (decoded values).</summary>
    protected List<KeyValuePair<string, string>> QueryParameters { get; } = new();

    /// <summary>Headers in order.</summary>
    protected List<KeyValuePair<string, string>> HeaderList { get; } = new();

    /// <summary>Cookies in order.</summary>
    protected List<KeyValuePair<string, string>> CookieList { get; } = new();

    /// <summary>The body as it goes in the event (already base64 when <see cref="BodyIsBase64"/>).</summary>
    protected string? EventBody { get; private set; }

    /// <summary>True when <see cref="EventBody"/> is base64.</summary>
    protected bool BodyIsBase64 { get; private set; }

    /// <summary><c>requestContext.authorizer</c> as an authorizer would write it (AuthorizerEvents), or null.</summary>
    internal JsonObject? AuthorizerJson { get; set; }

    private TSelf Self => (TSelf)this;

    /// <summary>Sets method and path; a <c>?query</c> in <paramref name="pathAndQuery"/> is split into query parameters.</summary>
    public TSelf Request(string method, string pathAndQuery)
    {
        HttpMethod = method.ToUpperInvariant();
        var q = pathAndQuery.IndexOf('?');
        RequestPath = q < 0 ? pathAndQuery : pathAndQuery[..q];
        if (q >= 0)
        {
            foreach (var pair in pathAndQuery[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                Query(Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]), eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]));
            }
        }
        return Self;
    }

    /// <summary><c>GET</c> <paramref name="pathAndQuery"/>.</summary>
    public TSelf Get(string pathAndQuery) => Request("GET", pathAndQuery);

    /// <summary><c>POST</c> <paramref name="pathAndQuery"/>.</summary>
    public TSelf Post(string pathAndQuery) => Request("POST", pathAndQuery);

    /// <summary><c>PUT</c> <paramref name="pathAndQuery"/>.</summary>
    public TSelf Put(string pathAndQuery) => Request("PUT", pathAndQuery);

    /// <summary><c>DELETE</c> <paramref name="pathAndQuery"/>.</summary>
    public TSelf Delete(string pathAndQuery) => Request("DELETE", pathAndQuery);

    /// <summary>Adds a query parameter (repeat the call for repeated keys).</summary>
    public TSelf Query(string name, string value)
    {
        QueryParameters.Add(new(name, value));
        return Self;
    }

    /// <summary>Adds a header.</summary>
    public TSelf Header(string name, string value)
    {
        HeaderList.Add(new(name, value));
        return Self;
    }

    /// <summary>Adds a cookie.</summary>
    public TSelf Cookie(string name, string value)
    {
        CookieList.Add(new(name, value));
        return Self;
    }

    /// <summary>Sets a text body and, when given, its Content-Type.</summary>
    public TSelf Body(string body, string? contentType = null)
    {
        EventBody = body;
        BodyIsBase64 = false;
        return contentType is null ? Self : Header("content-type", contentType);
    }

    /// <summary>Sets a JSON body with <c>Content-Type: application/json</c>.</summary>
    public TSelf JsonBody(JsonNode json) => Body(LambdaRoutes.Json.JsonText.Write(json), "application/json");

    /// <summary>Sets a binary body, base64-encoded in the event as API Gateway does for binary media types.</summary>
    public TSelf Body(byte[] body, string contentType = "application/octet-stream")
    {
        EventBody = Convert.ToBase64String(body);
        BodyIsBase64 = true;
        return Header("content-type", contentType);
    }

    /// <summary>Puts <paramref name="rawBody"/> in the event as given, with <c>isBase64Encoded</c> set as given (for malformed-input tests).</summary>
    public TSelf RawEventBody(string? rawBody, bool isBase64Encoded)
    {
        EventBody = rawBody;
        BodyIsBase64 = isBase64Encoded;
        return Self;
    }

    /// <summary>The event JSON, UTF-8.</summary>
    public abstract byte[] ToJson();

    /// <summary>The raw query string, encoded.</summary>
    protected string RawQueryString() =>
        string.Join("&", QueryParameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>The <c>Cookie</c> header value.</summary>
    protected string CookieHeader() =>
        string.Join("; ", CookieList.Select(c => c.Key + "=" + Uri.EscapeDataString(c.Value)));

    /// <summary>UTF-8 bytes of a string (shared helper).</summary>
    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
