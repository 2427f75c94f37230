using System.Text;
using LambdaRoutes.Mapping;

namespace LambdaRoutes.Runtime.Tests.Mapping;

/// <summary>
/// The event reader hands out the previous event's string at the same position when the bytes are the same: the text
/// must always be exactly the bytes', whatever was kept, and only an equal string may be reused.
/// </summary>
public sealed class RecurringStringsTests
{
    private static readonly byte[] Event = Encoding.UTF8.GetBytes(
        "{\"version\":\"2.0\",\"rawPath\":\"/a\",\"headers\":{\"host\":\"h.example\",\"accept\":\"*/*\"},\"cookies\":[\"a=1\"]}");

    [Fact]
    public void The_same_event_twice_reuses_every_string_instance()
    {
        var first = EventReader.Read(Event);
        var second = EventReader.Read(Event);

        Assert.Same(first.Version, second.Version);
        Assert.Same(first.RawPath, second.RawPath);
        Assert.Same(first.Headers![0].Key, second.Headers![0].Key);
        Assert.Same(first.Headers[1].Value, second.Headers[1].Value);
        Assert.Same(first.Cookies![0], second.Cookies![0]);
        Assert.Equal("h.example", second.Headers[0].Value);
    }

    [Fact]
    public void A_changed_value_or_a_shifted_position_gives_the_new_text()
    {
        EventReader.Read(Event);
        // One more header before the others shifts every later position; values of the same length differ too.
        var changed = EventReader.Read(Encoding.UTF8.GetBytes(
            "{\"version\":\"2.1\",\"rawPath\":\"/b\",\"headers\":{\"x\":\"y\",\"host\":\"h.example\",\"accept\":\"*/*\"},\"cookies\":[\"a=2\"]}"));

        Assert.Equal(("2.1", "/b"), (changed.Version, changed.RawPath));
        Assert.Equal(new[] { "x=y", "host=h.example", "accept=*/*" }, changed.Headers!.Select(h => h.Key + "=" + h.Value));
        Assert.Equal("a=2", Assert.Single(changed.Cookies!));
    }

    [Fact]
    public void More_strings_than_slots_and_long_values_read_correctly_every_time()
    {
        var names = Enumerable.Range(0, 100).Select(i => $"h{i}").ToArray();
        var longValue = new string('v', 1000);
        var json = "{\"headers\":{" + string.Join(",", names.Select(n => $"\"{n}\":\"{n}-{longValue}\"")) + "}}";

        foreach (var _ in new[] { 1, 2 })
        {
            var headers = EventReader.Read(Encoding.UTF8.GetBytes(json)).Headers!;
            Assert.Equal(names, headers.Select(h => h.Key));
            Assert.Equal(names.Select(n => $"{n}-{longValue}"), headers.Select(h => h.Value));
        }
    }

    [Fact]
    public void Each_thread_keeps_its_own_strings()
    {
        // The dev server reads events on several threads at once: each must get its own text.
        var results = new string?[8];
        Parallel.For(0, results.Length, i =>
        {
            for (var n = 0; n < 200; n++)
            {
                var path = $"/p{i}";
                var read = EventReader.Read(Encoding.UTF8.GetBytes($"{{\"rawPath\":\"{path}\"}}")).RawPath;
                if (read != path) { results[i] = read; return; }
            }
            results[i] = "ok";
        });
        Assert.All(results, r => Assert.Equal("ok", r));
    }
}
