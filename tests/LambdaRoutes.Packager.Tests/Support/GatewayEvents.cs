using System.Text.Json.Nodes;

namespace LambdaRoutes.Packager.Tests.Support;

/// <summary>API Gateway events in the shapes of https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html (REST v1) and https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html (HTTP API 2.0).</summary>
internal static class GatewayEvents
{
    public static string HttpApi(string method, string path, string? body = null, string query = "") => new JsonObject
    {
        ["version"] = "2.0",
        ["routeKey"] = "$default",
        ["rawPath"] = path,
        ["rawQueryString"] = query,
        ["headers"] = new JsonObject { ["host"] = "abc123.execute-api.us-east-1.amazonaws.com", ["content-type"] = "application/json" },
        ["requestContext"] = new JsonObject
        {
            ["accountId"] = "123456789012",
            ["apiId"] = "abc123",
            ["domainName"] = "abc123.execute-api.us-east-1.amazonaws.com",
            ["http"] = new JsonObject { ["method"] = method, ["path"] = path, ["protocol"] = "HTTP/1.1", ["sourceIp"] = "127.0.0.1", ["userAgent"] = "xunit" },
            ["requestId"] = "req-1",
            ["routeKey"] = "$default",
            ["stage"] = "$default",
            ["time"] = "21/Nov/2026:19:00:00 +0000",
            ["timeEpoch"] = 1795287600000,
        },
        ["body"] = body,
        ["isBase64Encoded"] = false,
    }.ToJsonString();

    public static string RestApi(string method, string path, string resource) => new JsonObject
    {
        ["resource"] = resource,
        ["path"] = path,
        ["httpMethod"] = method,
        ["headers"] = new JsonObject { ["Host"] = "abc123.execute-api.us-east-1.amazonaws.com" },
        ["multiValueHeaders"] = new JsonObject { ["Host"] = new JsonArray("abc123.execute-api.us-east-1.amazonaws.com") },
        ["queryStringParameters"] = null,
        ["multiValueQueryStringParameters"] = null,
        ["pathParameters"] = null,
        ["stageVariables"] = null,
        ["requestContext"] = new JsonObject
        {
            ["resourcePath"] = resource,
            ["httpMethod"] = method,
            ["path"] = "/prod" + path,
            ["stage"] = "prod",
            ["requestId"] = "req-2",
            ["accountId"] = "123456789012",
            ["apiId"] = "abc123",
            ["identity"] = new JsonObject { ["sourceIp"] = "127.0.0.1" },
        },
        ["body"] = null,
        ["isBase64Encoded"] = false,
    }.ToJsonString();
}
