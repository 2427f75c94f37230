using System.Buffers.Binary;
using System.Text;
using LambdaRoutes.Core;

namespace LambdaRoutes.Runtime.Tests.Core;

/// <summary>One frame read back from a telemetry descriptor (aws.md §1.7).</summary>
internal sealed record TelemetryFrame(uint Type, ulong Microseconds, string Message)
{
    public DateTimeOffset Timestamp => DateTimeOffset.UnixEpoch.AddTicks((long)Microseconds * TimeSpan.TicksPerMicrosecond);
}

/// <summary>Parses <c>[u32 type BE][u32 len BE][u64 micros BE][message]</c> frames, strictly: a torn frame fails.</summary>
internal static class TelemetryFrames
{
    public static List<TelemetryFrame> Parse(byte[] bytes)
    {
        var frames = new List<TelemetryFrame>();
        var rest = bytes.AsSpan();
        while (rest.Length > 0)
        {
            Assert.True(rest.Length >= LogSink.FrameHeaderLength, $"{rest.Length} bytes left after frame {frames.Count}: a truncated header");
            var type = BinaryPrimitives.ReadUInt32BigEndian(rest);
            var length = BinaryPrimitives.ReadUInt32BigEndian(rest[4..]);
            var micros = BinaryPrimitives.ReadUInt64BigEndian(rest[8..]);
            // Interleaved frames show up here first: the next "type" would be message bytes.
            Assert.True(type is LogSink.TextFrameType or LogSink.JsonFrameType, $"frame {frames.Count}: type 0x{type:x8}");
            Assert.True(length <= rest.Length - LogSink.FrameHeaderLength, $"frame {frames.Count}: length {length} past the end");
            frames.Add(new TelemetryFrame(type, micros, Encoding.UTF8.GetString(rest.Slice(LogSink.FrameHeaderLength, (int)length))));
            rest = rest[(LogSink.FrameHeaderLength + (int)length)..];
        }
        return frames;
    }
}
