// bench-driver: measures Lambda peers through the repository's Runtime API emulator (src/Local).
//
//   dotnet bench-driver.dll --config peers.json --cold 20 --warm 2000 --out raw.json
//   dotnet bench-driver.dll memory --executable ApiPayload/bootstrap --out memory.json [--quick]   (PayloadMemory.cs)
//
// peers.json: { "peers": [ { "name": "...", "executable": "...", "arguments": [], "workingDirectory": "...",
//                            "handler": "...", "environment": { "K": "V" } } ] }
//
// Cold starts are interleaved round-robin across the peers (so that load from other work on the machine is spread
// evenly), each after ResetAsync (every instance of the peer killed and reaped). Warm invocations go to one instance
// per peer, also round-robin in blocks. Everything binds to 127.0.0.1 (the emulator's Kestrel) and every loop is bounded.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaRoutes.Bench;
using LambdaRoutes.Local;

if (args.Length > 0 && args[0] == "memory")
{
    return await PayloadMemory.RunAsync(args[1..]);
}

var options = DriverOptions.Parse(args);
var peers = PeerConfig.Load(options.ConfigPath);
var payload = Encoding.UTF8.GetBytes(BenchEvent.Json);
var logs = new Dictionary<string, Queue<string>>(StringComparer.Ordinal);
foreach (var peer in peers)
{
    logs[peer.Name] = new Queue<string>();
}

var emulatorOptions = new EmulatorOptions
{
    MaxInstancesPerFunction = 1,
    Log = line =>
    {
        var queue = logs.GetValueOrDefault(line.Function);
        if (queue is null)
        {
            return;
        }

        lock (queue)
        {
            queue.Enqueue(line.Line);
            while (queue.Count > 40)
            {
                queue.Dequeue();
            }
        }
    },
};

await using var lambda = new LambdaEmulator(emulatorOptions);
foreach (var peer in peers)
{
    lambda.AddFunction(new LambdaFunction
    {
        Name = peer.Name,
        Executable = peer.Executable,
        Arguments = peer.Arguments,
        WorkingDirectory = peer.WorkingDirectory,
        Handler = peer.Handler,
        MemorySizeMb = 256,
        Timeout = TimeSpan.FromSeconds(10),
        InitTimeout = TimeSpan.FromSeconds(20),
        Environment = peer.Environment,
    });
}

var report = new JsonObject
{
    ["startedUtc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    ["coldStarts"] = options.Cold,
    ["warmInvocations"] = options.Warm,
};

// 1. What the emulator itself costs per cold start: start and stop an instance's Runtime API server for a function
//    whose executable does not exist (no process runs). An upper bound of what the cold-start numbers include beyond
//    the process itself.
const string probe = "emulator-probe";
lambda.AddFunction(new LambdaFunction { Name = probe, Executable = "/nonexistent/lambda-routes-bench-probe" });
var probeTimes = new List<double>();
for (var i = 0; i < Math.Max(5, options.Cold) + 3; i++)
{
    var result = await lambda.InvokeAsync(probe, payload);
    if (i >= 3)
    {
        probeTimes.Add(result.Total.TotalMilliseconds);
    }
}

report["emulatorOverheadMs"] = Stats.Summary(probeTimes);
Console.Error.WriteLine($"emulator per-instance overhead (server start+stop, no process): median {Stats.Percentile(probeTimes, 50):0.00} ms");

// 2. Check every peer answers correctly, and warm the driver's own code paths (two discarded cold starts each).
foreach (var peer in peers)
{
    for (var i = 0; i < 2; i++)
    {
        await lambda.ResetAsync(peer.Name);
        var result = await lambda.InvokeAsync(peer.Name, payload);
        var problem = result.IsSuccess ? BenchEvent.Check(result.Payload) : "the invocation failed";
        if (problem is not null)
        {
            Console.Error.WriteLine($"{peer.Name}: {result.Outcome} {result.ErrorType} {Encoding.UTF8.GetString(result.Payload)}");
            Console.Error.WriteLine(problem);
            lock (logs[peer.Name])
            {
                foreach (var line in logs[peer.Name])
                {
                    Console.Error.WriteLine($"  | {line}");
                }
            }

            return 1;
        }
    }
}

// 3. Cold starts on the focused Runtime API (one long-lived server per peer), interleaved round-robin.
//    The first round is discarded (it warms the driver's own code paths).
var servers = peers.ToDictionary(p => p.Name, _ => new FocusedRuntimeApi(), StringComparer.Ordinal);
var coldTotal = peers.ToDictionary(p => p.Name, _ => new List<double>(), StringComparer.Ordinal);
var coldInit = peers.ToDictionary(p => p.Name, _ => new List<double>(), StringComparer.Ordinal);
var coldFirst = peers.ToDictionary(p => p.Name, _ => new List<double>(), StringComparer.Ordinal);
var coldCpu = peers.ToDictionary(p => p.Name, _ => new List<double>(), StringComparer.Ordinal);
for (var i = -1; i < options.Cold; i++)
{
    foreach (var peer in peers)
    {
        var server = servers[peer.Name];
        server.ResetInit();
        var answerTask = server.InvokeAsync(payload, TimeSpan.FromSeconds(20));
        var t0 = Stopwatch.GetTimestamp();
        var process = PeerProcess.Start(peer, server.Port);
        FocusedRuntimeApi.Answer answer;
        try
        {
            answer = await answerTask;
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"{peer.Name}: no answer to its first invocation\n{process.Tail}");
            return 1;
        }

        var cpuNs = ProcessMemory.CpuNanoseconds(process.Pid);
        await process.DisposeAsync();
        await server.AbortConnectionsAsync();
        server.Drain();
        if (!answer.Success || BenchEvent.Check(answer.Body) is { } wrong)
        {
            Console.Error.WriteLine($"{peer.Name}: bad first answer: {Encoding.UTF8.GetString(answer.Body)}\n{process.Tail}");
            return 1;
        }

        if (i >= 0)
        {
            coldTotal[peer.Name].Add(Stopwatch.GetElapsedTime(t0, answer.ReceivedAt).TotalMilliseconds);
            coldInit[peer.Name].Add(Stopwatch.GetElapsedTime(t0, server.FirstNextAt).TotalMilliseconds);
            coldFirst[peer.Name].Add(Stopwatch.GetElapsedTime(answer.SentAt, answer.ReceivedAt).TotalMilliseconds);
            coldCpu[peer.Name].Add(cpuNs / 1e6);
        }
    }

    if ((i + 1) % 5 == 0 && i >= 0)
    {
        Console.Error.WriteLine($"cold starts: {i + 1}/{options.Cold}");
    }
}

// 4. Warm, on the focused Runtime API: one process per peer; RSS after its first invocation; then blocks of
//    invocations round-robin across the peers; latency = event's first byte written -> response body received.
var processes = new Dictionary<string, PeerProcess>(StringComparer.Ordinal);
var rssFirst = new Dictionary<string, ProcessMemory>(StringComparer.Ordinal);
var rssAfter = new Dictionary<string, ProcessMemory>(StringComparer.Ordinal);
var warmCpuStart = new Dictionary<string, long>(StringComparer.Ordinal);
var warmCpuUs = new Dictionary<string, double>(StringComparer.Ordinal);
var warm = peers.ToDictionary(p => p.Name, _ => new List<double>(options.Warm), StringComparer.Ordinal);
var warmWall = peers.ToDictionary(p => p.Name, _ => 0.0, StringComparer.Ordinal);
try
{
    foreach (var peer in peers)
    {
        var server = servers[peer.Name];
        var first = server.InvokeAsync(payload, TimeSpan.FromSeconds(20));
        processes[peer.Name] = PeerProcess.Start(peer, server.Port);
        if (!(await first).Success)
        {
            Console.Error.WriteLine($"{peer.Name}: first invocation failed\n{processes[peer.Name].Tail}");
            return 1;
        }

        rssFirst[peer.Name] = ProcessMemory.Read(processes[peer.Name].Pid);
        warmCpuStart[peer.Name] = ProcessMemory.CpuNanoseconds(processes[peer.Name].Pid);
    }

    const int block = 250;
    for (var done = 0; done < options.Warm; done += block)
    {
        foreach (var peer in peers)
        {
            var server = servers[peer.Name];
            var count = Math.Min(block, options.Warm - done);
            var blockStart = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                var answer = await server.InvokeAsync(payload, TimeSpan.FromSeconds(10));
                if (!answer.Success)
                {
                    Console.Error.WriteLine($"{peer.Name}: warm invocation failed: {Encoding.UTF8.GetString(answer.Body)}");
                    return 1;
                }

                warm[peer.Name].Add(Stopwatch.GetElapsedTime(answer.SentAt, answer.ReceivedAt).TotalMicroseconds);
            }

            warmWall[peer.Name] += Stopwatch.GetElapsedTime(blockStart).TotalSeconds;
        }
    }

    foreach (var peer in peers)
    {
        rssAfter[peer.Name] = ProcessMemory.Read(processes[peer.Name].Pid);
        warmCpuUs[peer.Name] = (ProcessMemory.CpuNanoseconds(processes[peer.Name].Pid) - warmCpuStart[peer.Name]) / 1e3 / options.Warm;
    }
}
finally
{
    foreach (var (name, process) in processes)
    {
        await process.DisposeAsync();
        await servers[name].AbortConnectionsAsync();
    }

    foreach (var server in servers.Values)
    {
        await server.DisposeAsync();
    }
}

// 5. Cross-check through the emulator (src/Local): cold starts (its per-instance Kestrel start included) and warm
//    invocations (its Duration: event handed to the runtime -> response), fewer of each.
var emulatorCold = peers.ToDictionary(p => p.Name, _ => new List<double>(), StringComparer.Ordinal);
var emulatorWarm = peers.ToDictionary(p => p.Name, _ => new List<double>(), StringComparer.Ordinal);
var emulatorColdCount = Math.Max(3, options.Cold / 2);
for (var i = 0; i < emulatorColdCount; i++)
{
    foreach (var peer in peers)
    {
        await lambda.ResetAsync(peer.Name);
        var result = await lambda.InvokeAsync(peer.Name, payload);
        if (!result.IsSuccess || !result.ColdStart)
        {
            Console.Error.WriteLine($"{peer.Name}: emulator cold start failed: {result.Outcome}");
            return 1;
        }

        emulatorCold[peer.Name].Add(result.Total.TotalMilliseconds);
    }
}

foreach (var peer in peers)
{
    for (var i = 0; i < Math.Max(100, options.Warm / 4); i++)
    {
        var result = await lambda.InvokeAsync(peer.Name, payload);
        if (!result.IsSuccess || result.ColdStart)
        {
            Console.Error.WriteLine($"{peer.Name}: emulator warm invocation failed: {result.Outcome}");
            return 1;
        }

        emulatorWarm[peer.Name].Add(result.Duration.TotalMicroseconds);
    }
}

var peerReports = new JsonArray();
foreach (var peer in peers)
{
    peerReports.Add(new JsonObject
    {
        ["name"] = peer.Name,
        ["coldTotalMs"] = Stats.Summary(coldTotal[peer.Name]),
        ["coldInitMs"] = Stats.Summary(coldInit[peer.Name]),
        ["coldFirstInvokeMs"] = Stats.Summary(coldFirst[peer.Name]),
        ["coldCpuMs"] = Stats.Summary(coldCpu[peer.Name]),
        ["warmCpuUsPerInvocation"] = Math.Round(warmCpuUs[peer.Name], 1),
        ["warmUs"] = Stats.Summary(warm[peer.Name]),
        ["throughputPerSecond"] = Math.Round(warm[peer.Name].Count / warmWall[peer.Name], 1),
        ["rssAfterFirstKb"] = rssFirst[peer.Name].RssKb,
        ["rssAfterWarmKb"] = rssAfter[peer.Name].RssKb,
        ["peakRssKb"] = rssAfter[peer.Name].PeakKb,
        ["threadsAfterWarm"] = rssAfter[peer.Name].Threads,
        ["emulatorColdTotalMs"] = Stats.Summary(emulatorCold[peer.Name]),
        ["emulatorWarmDurationUs"] = Stats.Summary(emulatorWarm[peer.Name]),
    });
    Console.Error.WriteLine(
        $"{peer.Name,-14} cold p50 {Stats.Percentile(coldTotal[peer.Name], 50),8:0.0} ms (emulator {Stats.Percentile(emulatorCold[peer.Name], 50),7:0.0})   " +
        $"warm p50 {Stats.Percentile(warm[peer.Name], 50),7:0.0} us (emulator {Stats.Percentile(emulatorWarm[peer.Name], 50),6:0.0})   " +
        $"rss {rssFirst[peer.Name].RssKb / 1024.0:0.0}/{rssAfter[peer.Name].RssKb / 1024.0:0.0} MB   " +
        $"cpu cold {Stats.Percentile(coldCpu[peer.Name], 50):0.0} ms, warm {warmCpuUs[peer.Name]:0.0} us/inv");
}

report["peers"] = peerReports;
report["finishedUtc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
await File.WriteAllTextAsync(options.OutPath, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
return 0;

/// <summary>Command line of the driver.</summary>
internal sealed record DriverOptions(string ConfigPath, string OutPath, int Cold, int Warm)
{
    public static DriverOptions Parse(string[] args)
    {
        string? config = null, output = null;
        int cold = 20, warm = 2000;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--config": config = args[i + 1]; break;
                case "--out": output = args[i + 1]; break;
                case "--cold": cold = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--warm": warm = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (config is null || output is null || cold < 1 || cold > 10_000 || warm < 1 || warm > 1_000_000)
        {
            throw new ArgumentException("usage: bench-driver --config peers.json --out raw.json [--cold N] [--warm N]");
        }

        return new DriverOptions(config, output, cold, warm);
    }
}

/// <summary>One peer of peers.json.</summary>
internal sealed record PeerConfig(
    string Name, string Executable, IReadOnlyList<string> Arguments, string? WorkingDirectory, string Handler,
    IReadOnlyDictionary<string, string> Environment)
{
    public static List<PeerConfig> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var peers = new List<PeerConfig>();
        foreach (var peer in document.RootElement.GetProperty("peers").EnumerateArray())
        {
            var arguments = peer.TryGetProperty("arguments", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            if (peer.TryGetProperty("environment", out var e))
            {
                foreach (var property in e.EnumerateObject())
                {
                    environment[property.Name] = property.Value.GetString()!;
                }
            }

            peers.Add(new PeerConfig(
                peer.GetProperty("name").GetString()!,
                peer.GetProperty("executable").GetString()!,
                arguments,
                peer.TryGetProperty("workingDirectory", out var w) ? w.GetString() : null,
                peer.TryGetProperty("handler", out var h) ? h.GetString()! : "bootstrap",
                environment));
        }

        return peers;
    }
}

/// <summary>The event every peer gets, and the check of its answer.</summary>
internal static class BenchEvent
{
    /// <summary>An API Gateway HTTP API (payload 2.0) event (event.json): POST /api/echo?greeting=hi, a session cookie, a JSON body.</summary>
    public static readonly string Json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "event.json")).Trim();

    /// <summary>Null when the proxy response carries status 200 and the expected JSON body; otherwise what is wrong.</summary>
    public static string? Check(byte[] payload)
    {
        try
        {
            var response = JsonNode.Parse(payload)!;
            var status = (int?)response["statusCode"];
            var body = JsonNode.Parse((string?)response["body"] ?? "null");
            if (status == 200 && (string?)body?["message"] == "hi, Ada" && (int?)body?["count"] == 4 && (string?)body?["session"] == "abc123")
            {
                return null;
            }

            return $"unexpected answer: {Encoding.UTF8.GetString(payload)}";
        }
        catch (JsonException ex)
        {
            return $"answer is not JSON ({ex.Message}): {Encoding.UTF8.GetString(payload)}";
        }
    }
}

/// <summary>VmRSS / VmHWM / Threads from /proc/&lt;pid&gt;/status.</summary>
internal sealed record ProcessMemory(long RssKb, long PeakKb, int Threads)
{
    public static ProcessMemory Read(int pid)
    {
        long rss = -1, peak = -1;
        var threads = -1;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kb(line);
            else if (line.StartsWith("Threads:", StringComparison.Ordinal)) threads = int.Parse(line["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);
        }

        return new ProcessMemory(rss, peak, threads);
    }

    /// <summary>CPU time of every live thread of <paramref name="pid"/> (first field of /proc/&lt;pid&gt;/task/*/schedstat), in ns.</summary>
    public static long CpuNanoseconds(int pid)
    {
        long total = 0;
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    var text = File.ReadAllText(Path.Combine(task, "schedstat"));
                    total += long.Parse(text.AsSpan(0, text.IndexOf(' ')), CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // The thread exited meanwhile.
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return -1;
        }

        return total;
    }

    private static long Kb(string line) =>
        long.Parse(line[(line.IndexOf(':') + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
}

/// <summary>Nearest-rank percentiles.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static JsonObject Summary(IEnumerable<double> source)
    {
        var values = source.ToList();
        return new JsonObject
        {
            ["n"] = values.Count,
            ["min"] = Round(values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Min()),
            ["p50"] = Round(Percentile(values, 50)),
            ["p90"] = Round(Percentile(values, 90)),
            ["p99"] = Round(Percentile(values, 99)),
            ["max"] = Round(values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max()),
            ["mean"] = Round(values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average()),
        };
    }

    private static double Round(double value) => double.IsNaN(value) ? -1 : Math.Round(value, 3);
}
