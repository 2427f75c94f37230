using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LambdaRoutes;

namespace AotFixture;

public sealed record Order(string Item, int Quantity);

[JsonSerializable(typeof(Order))]
public sealed partial class AotJson : JsonSerializerContext;

/// <summary>Exercises the runtime's main paths under Native AOT: params, query, cookies, typed JSON, errors.</summary>
public sealed class AotRoute : IApiRoute
{
    public Task HandleAsync(ApiRequest req, ApiResponse res)
    {
        var rest = req.Params.GetAll("rest");
        switch (rest.Count > 0 ? rest[0] : "")
        {
            case "echo":
                // Same behaviour as the malformed-input tests' echo route.
                if (req.Headers["x-echo"] is { } echo) res.SetHeader("x-echo", echo);
                res.Send(req.Body.Kind == BodyKind.Json ? (string?)req.Body.Json : req.Body.Text);
                return Task.CompletedTask;
            case "boom":
                throw new InvalidOperationException("boom from the handler");
            case "order":
                var order = req.Body.As<Order>()!;
                res.Status(201).SetCookie("last", order.Item, new CookieOptions { Path = "/", HttpOnly = true });
                res.Json(order with { Quantity = order.Quantity * 2 });
                return Task.CompletedTask;
            default:
                res.SetHeader("x-request-id", req.Context.AwsRequestId);
                res.Json(new JsonObject
                {
                    ["method"] = req.Method,
                    ["query"] = req.Query.ToJson(),
                    ["cookies"] = req.Cookies.Count,
                    ["source"] = req.SourceEvent.ToString(),
                    ["heapLimit"] = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
                });
                return Task.CompletedTask;
        }
    }
}
