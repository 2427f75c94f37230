// mapping-cost <event.json> [iterations]: times, in one process and without any I/O, what each side does per
// invocation between "event bytes received" and "response bytes ready":
//   LambdaRoutes: RouteInvoker.InvokeAsync (decode the API Gateway event, match the route, parse the body, run
//                 bench/apps/BenchApp/api/echo.cs, encode the proxy response);
//   minimal loop: bench/peers/MinimalAot/Handler.cs (Utf8JsonReader/Utf8JsonWriter by hand).
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using LambdaRoutes;

var payload = Encoding.UTF8.GetBytes(File.ReadAllText(args[0]).Trim());
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
iterations = Math.Clamp(iterations, 100, 10_000_000);

var invoker = new RouteInvoker(new BenchApp.Api.Echo(),
    new RouteOptions { Route = "/api/echo", BodySizeLimit = "1mb", BodyParser = true }, BenchApp.BenchJson.Default);
var context = new BenchContext();
var inner = new ArrayBufferWriter<byte>(256);
var output = new ArrayBufferWriter<byte>(1024);

var first = Stopwatch.GetTimestamp();
var answer = await invoker.InvokeAsync(payload, context);
var firstLambdaRoutesUs = Stopwatch.GetElapsedTime(first).TotalMicroseconds;
first = Stopwatch.GetTimestamp();
Handler.Handle(payload, inner, output);
var firstMinimalUs = Stopwatch.GetElapsedTime(first).TotalMicroseconds;
if (!Encoding.UTF8.GetString(answer).Contains("hi, Ada", StringComparison.Ordinal))
{
    Console.Error.WriteLine("unexpected answer: " + Encoding.UTF8.GetString(answer));
    return 1;
}

// Warm both up, then alternate blocks so that machine noise hits both alike.
var lambdaRoutes = new List<double>(iterations);
var minimal = new List<double>(iterations);
long allocatedLambdaRoutes = 0, allocatedMinimal = 0;
for (var i = 0; i < 2_000; i++)
{
    await invoker.InvokeAsync(payload, context);
    inner.Clear();
    output.Clear();
    Handler.Handle(payload, inner, output);
}

const int block = 1_000;
for (var done = 0; done < iterations; done += block)
{
    var before = GC.GetAllocatedBytesForCurrentThread();
    for (var i = 0; i < block; i++)
    {
        var start = Stopwatch.GetTimestamp();
        await invoker.InvokeAsync(payload, context);
        lambdaRoutes.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
    }

    allocatedLambdaRoutes += GC.GetAllocatedBytesForCurrentThread() - before;
    before = GC.GetAllocatedBytesForCurrentThread();
    for (var i = 0; i < block; i++)
    {
        var start = Stopwatch.GetTimestamp();
        inner.Clear();
        output.Clear();
        Handler.Handle(payload, inner, output);
        minimal.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
    }

    allocatedMinimal += GC.GetAllocatedBytesForCurrentThread() - before;
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

var count = lambdaRoutes.Count;
using (var json = new System.Text.Json.Utf8JsonWriter(Console.OpenStandardOutput()))
{
    json.WriteStartObject();
    json.WriteNumber("iterations", count);
    Side("lambdaRoutes", firstLambdaRoutesUs, lambdaRoutes, allocatedLambdaRoutes);
    Side("minimal", firstMinimalUs, minimal, allocatedMinimal);
    json.WriteEndObject();

    void Side(string name, double firstUs, List<double> values, long allocated)
    {
        json.WriteStartObject(name);
        json.WriteNumber("firstUs", Math.Round(firstUs, 1));
        json.WriteNumber("p50Us", Math.Round(Percentile(values, 50), 2));
        json.WriteNumber("p99Us", Math.Round(Percentile(values, 99), 2));
        json.WriteNumber("allocatedBytesPerInvocation", allocated / count);
        json.WriteEndObject();
    }
}

Console.WriteLine();
return 0;

/// <summary>A fixed Lambda context (the mapping reads only its request id and logger).</summary>
internal sealed class BenchContext : ILambdaContext, ILambdaLogger
{
    public string AwsRequestId => "bench-request";
    public string FunctionName => "bench";
    public string FunctionVersion => "$LATEST";
    public string InvokedFunctionArn => "arn:aws:lambda:us-east-1:000000000000:function:bench";
    public int MemoryLimitInMB => 256;
    public TimeSpan RemainingTime => TimeSpan.FromSeconds(10);
    public string LogGroupName => "/aws/lambda/bench";
    public string LogStreamName => "bench";
    public string? TraceId => null;
    public ILambdaLogger Logger => this;

    public void Log(string message)
    {
    }

    public void LogLine(string message)
    {
    }

    public void Log(LogLevel level, string message)
    {
    }
}
