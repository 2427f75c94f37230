using LambdaRoutes.Bootstrap;
using LambdaRoutes.Core;
using LambdaRoutes.Runtime.Tests.Support;

namespace LambdaRoutes.Runtime.Tests.Bootstrap;

/// <summary>The one reusable deadline timer: warns once per late invocation, never for a finished one, and is only
/// created when a handler goes asynchronous.</summary>
public sealed class DeadlineWatchdogTests
{
    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static async Task<bool> WaitFor(CapturedLog log, string text)
    {
        for (var i = 0; i < 100 && !log.Text.Contains(text); i++) await Task.Delay(20);
        return log.Text.Contains(text);
    }

    [Fact]
    public async Task Disarmed_in_time_says_nothing_and_an_armed_late_invocation_is_reported_once()
    {
        var log = new CapturedLog();
        using var watchdog = new DeadlineWatchdog();

        // Many invocations that end in time re-arm the same timer and never warn.
        for (var i = 0; i < 50; i++)
        {
            watchdog.Arm(new InvocationLogger(log.Sink, $"ok-{i}"), Now() + (i % 2 == 0 ? 60_000 : 30_000));
            watchdog.Disarm();
        }
        watchdog.Arm(new InvocationLogger(log.Sink, "late-1"), Now() + 300);

        Assert.True(await WaitFor(log, "\tlate-1\twarn\tThe invocation is still running 250 ms before its deadline"));
        await Task.Delay(200);
        watchdog.Disarm();
        Assert.DoesNotContain("\tok-", log.Text);
        Assert.Single(log.Text.Split('\n'), line => line.Contains("late-1"));
    }

    [Fact]
    public void Arrival_past_the_deadline_is_reported_at_once_without_a_timer()
    {
        var log = new CapturedLog();
        using var watchdog = new DeadlineWatchdog();

        watchdog.CheckOnArrival(new InvocationLogger(log.Sink, "past-1"), Now() - 1_000);
        watchdog.CheckOnArrival(new InvocationLogger(log.Sink, "none-2"), 0);

        Assert.Contains("\tpast-1\twarn\tThe invocation's deadline had already passed when it arrived", log.Text);
        Assert.DoesNotContain("none-2", log.Text);
        Assert.False(watchdog.HasTimer);
    }

    [Fact]
    public async Task A_handler_that_completes_synchronously_never_creates_the_timer()
    {
        var client = new InvocationLoopTests.ScriptedClient();
        client.Add("sync-1", "{}", Now() + 60_000);
        client.Add("async-2", "{}", Now() + 60_000);
        var watchdog = new DeadlineWatchdog();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = new InvocationLoop(client, new InlineInvocationHandler(async (_, ctx) =>
        {
            if (ctx.AwsRequestId == "async-2") await gate.Task;
            return "{}"u8.ToArray();
        }), new FakeEnvironment(), new CapturedLog().Sink, watchdog: watchdog);

        await loop.InvokeOnceAsync(CancellationToken.None);
        Assert.False(watchdog.HasTimer);
        var second = loop.InvokeOnceAsync(CancellationToken.None); // the handler is now waiting on the gate
        Assert.True(watchdog.HasTimer);
        gate.SetResult();
        await second;
        Assert.Equal(2, client.Responses.Count);
    }
}
