using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRoutes.Bench;

/// <summary>
/// Peak resident memory of a route's <c>bootstrap</c> at Lambda's payload limits, with the smallest memory size:
/// Lambda kills a function whose process passes its memory size, and a synchronous invocation carries up to 6 MB of
/// event and 6 MB of response (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
/// The route (bench/apps/BenchApp/api/payload.cs) echoes the body, so each invocation is as large in as out.
/// <list type="bullet">
/// <item>per size (0–6 MB) and kind (text; binary, base64 in the event and the answer): a fresh process, a few
/// invocations, then its VmHWM (peak RSS);</item>
/// <item>a stream: one process, 6 MB base64 and text invocations alternating; VmRSS after each and the peak, to show
/// whether memory ratchets up.</item>
/// </list>
/// </summary>
/// <example><c>dotnet bench-driver.dll memory --executable ApiPayload/bootstrap --out memory.json [--quick]</c></example>
internal static class PayloadMemory
{
    private const int MemorySizeMb = 128;
    private const int TargetPeakMb = 96;
    private const int MaxEventBytes = 6 * 1024 * 1024;
    private const string Route = "/api/payload";

    public static async Task<int> RunAsync(string[] args)
    {
        string? executable = null, output = null;
        var quick = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--executable" when i + 1 < args.Length: executable = args[++i]; break;
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                case "--quick": quick = true; break;
                default: throw new ArgumentException($"unknown option {args[i]}; usage: bench-driver memory --executable bootstrap --out memory.json [--quick]");
            }
        }

        if (executable is null || output is null)
        {
            throw new ArgumentException("usage: bench-driver memory --executable bootstrap --out memory.json [--quick]");
        }

        var peer = new PeerConfig("payload", executable, [], null, "bootstrap", new Dictionary<string, string>());
        int[] sizesMb = quick ? [0, 6] : [0, 1, 2, 4, 6];
        var perSize = quick ? 2 : 3;
        var streamLength = quick ? 10 : 50;

        await using var server = new FocusedRuntimeApi();
        var sizes = new JsonArray();
        foreach (var kind in new[] { BodyKind.Text, BodyKind.Base64 })
        {
            foreach (var mb in sizesMb)
            {
                var invocation = Invocation.Make(kind, mb);
                var process = PeerProcess.Start(peer, server.Port, MemorySizeMb);
                ProcessMemory memory;
                try
                {
                    for (var i = 0; i < perSize; i++)
                    {
                        await invocation.RunAsync(server, process);
                    }

                    memory = ProcessMemory.Read(process.Pid);
                }
                finally
                {
                    await Stop(process, server);
                }

                sizes.Add(new JsonObject
                {
                    ["kind"] = kind.ToString().ToLowerInvariant(),
                    ["bodyMb"] = mb,
                    ["eventBytes"] = invocation.Event.Length,
                    ["invocations"] = perSize,
                    ["peakRssMb"] = Mb(memory.PeakKb),
                    ["rssAfterMb"] = Mb(memory.RssKb),
                });
                Console.Error.WriteLine($"memory: {kind} {mb} MB body, event {invocation.Event.Length:N0} bytes: peak RSS {Mb(memory.PeakKb)} MB");
            }
        }

        var largest = new[] { Invocation.Make(BodyKind.Base64, 6), Invocation.Make(BodyKind.Text, 6) };
        var rss = new JsonArray();
        ProcessMemory last;
        var streaming = PeerProcess.Start(peer, server.Port, MemorySizeMb);
        try
        {
            for (var i = 0; i < streamLength; i++)
            {
                await largest[i % 2].RunAsync(server, streaming);
                rss.Add(Mb(ProcessMemory.Read(streaming.Pid).RssKb));
            }

            last = ProcessMemory.Read(streaming.Pid);
        }
        finally
        {
            await Stop(streaming, server);
        }

        Console.Error.WriteLine($"memory: stream of {streamLength} 6 MB invocations (base64 and text alternating): peak RSS {Mb(last.PeakKb)} MB");
        var report = new JsonObject
        {
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["mode"] = quick ? "quick" : "full",
            ["memorySizeMb"] = MemorySizeMb,
            ["targetPeakMb"] = TargetPeakMb,
            ["sizes"] = sizes,
            ["stream"] = new JsonObject
            {
                ["invocations"] = streamLength,
                ["peakRssMb"] = Mb(last.PeakKb),
                ["rssAfterEachMb"] = rss,
            },
        };
        await File.WriteAllTextAsync(output, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static double Mb(long kb) => Math.Round(kb / 1024.0, 1);

    /// <summary>Kills the process and drops its connection, so the next process starts on a clean server.</summary>
    private static async Task Stop(PeerProcess process, FocusedRuntimeApi server)
    {
        await process.DisposeAsync();
        await server.AbortConnectionsAsync();
        server.Drain();
    }

    private enum BodyKind
    {
        Text,
        Base64,
    }

    /// <summary>One HTTP API 2.0 event with a body of the given size, and the answer expected for it.</summary>
    private sealed record Invocation(byte[] Event, BodyKind Kind, bool AnswerIsBase64, byte[] BodyHash)
    {
        /// <summary><paramref name="mb"/> = 6 is the largest body whose event fits in 6 MB (the rest of the event is ~1 KB).</summary>
        public static Invocation Make(BodyKind kind, int mb)
        {
            var encodedLength = mb == 0 ? 0 : Math.Min(mb * 1024 * 1024, MaxEventBytes - 16 * 1024);
            byte[] body;
            string eventBody;
            if (kind == BodyKind.Base64)
            {
                body = new byte[encodedLength / 4 * 3];
                new Random(mb).NextBytes(body);
                eventBody = Convert.ToBase64String(body);
            }
            else
            {
                eventBody = string.Create(encodedLength, 0, static (span, _) =>
                {
                    for (var i = 0; i < span.Length; i++) span[i] = (char)('a' + (i % 26));
                });
                body = Encoding.UTF8.GetBytes(eventBody);
            }

            var json = new JsonObject
            {
                ["version"] = "2.0",
                ["routeKey"] = "ANY " + Route,
                ["rawPath"] = Route,
                ["rawQueryString"] = "",
                ["headers"] = new JsonObject
                {
                    ["content-type"] = kind == BodyKind.Base64 ? "application/octet-stream" : "text/plain",
                    ["host"] = "bench.execute-api.us-east-1.amazonaws.com",
                },
                ["requestContext"] = new JsonObject
                {
                    ["accountId"] = "000000000000",
                    ["apiId"] = "bench",
                    ["domainName"] = "bench.execute-api.us-east-1.amazonaws.com",
                    ["http"] = new JsonObject { ["method"] = "POST", ["path"] = Route, ["protocol"] = "HTTP/1.1", ["sourceIp"] = "127.0.0.1" },
                    ["requestId"] = "memory",
                    ["routeKey"] = "ANY " + Route,
                    ["stage"] = "$default",
                },
                ["body"] = eventBody,
                ["isBase64Encoded"] = kind == BodyKind.Base64,
            };
            // An empty body is answered as empty text, whatever its kind.
            // API Gateway does not escape '+' or '/' in base64 (the default encoder would write "+" as \u002B).
            var wire = JsonSerializer.SerializeToUtf8Bytes(json, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            return new Invocation(wire, kind, kind == BodyKind.Base64 && body.Length > 0, SHA256.HashData(body));
        }

        /// <summary>Invokes and checks the answer: 200, and the same body back in the same encoding.</summary>
        public async Task RunAsync(FocusedRuntimeApi server, PeerProcess process)
        {
            FocusedRuntimeApi.Answer answer;
            try
            {
                answer = await server.InvokeAsync(Event, TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"no answer to a {Kind} invocation of {Event.Length:N0} bytes\n{process.Tail}");
            }

            using var document = JsonDocument.Parse(answer.Body);
            var root = document.RootElement;
            var body = root.TryGetProperty("body", out var b) ? b : default;
            var ok = answer.Success && root.GetProperty("statusCode").GetInt32() == 200
                     && root.GetProperty("isBase64Encoded").GetBoolean() == AnswerIsBase64
                     && SHA256.HashData(AnswerIsBase64 ? body.GetBytesFromBase64() : Encoding.UTF8.GetBytes(body.GetString() ?? ""))
                         .AsSpan().SequenceEqual(BodyHash);
            if (!ok)
            {
                var head = Encoding.UTF8.GetString(answer.Body.AsSpan(0, Math.Min(300, answer.Body.Length)));
                throw new InvalidOperationException($"wrong answer to a {Kind} invocation of {Event.Length:N0} bytes: {head}\n{process.Tail}");
            }
        }
    }
}
