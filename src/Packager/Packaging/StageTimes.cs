using System.Diagnostics;
using System.Globalization;

namespace LambdaRoutes.Packager.Packaging;

/// <summary>The wall time of each stage of a build, for its last line: <c>stages: plan 0.4 s, restore+compile 9.8 s, …</c>.</summary>
internal sealed class StageTimes
{
    private readonly List<(string Stage, TimeSpan Elapsed)> _stages = [];

    public T Time<T>(string stage, Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return work();
        }
        finally
        {
            Add(stage, watch.Elapsed);
        }
    }

    public void Time(string stage, Action work) => Time(stage, () =>
    {
        work();
        return 0;
    });

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return await work();
        }
        finally
        {
            Add(stage, watch.Elapsed);
        }
    }

    public Task TimeAsync(string stage, Func<Task> work) => TimeAsync(stage, async () =>
    {
        await work();
        return 0;
    });

    public string Describe()
    {
        lock (_stages)
        {
            return "stages: " + string.Join(", ", _stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Elapsed.TotalSeconds:0.0} s")));
        }
    }

    private void Add(string stage, TimeSpan elapsed)
    {
        lock (_stages)
        {
            _stages.Add((stage, elapsed));
        }
    }
}
