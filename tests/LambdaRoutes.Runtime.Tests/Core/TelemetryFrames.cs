using System.Buffers.Binary;
using System.Text;
using LambdaRoutes.Core;

namespace LambdaRoutes.Runtime.Tests.Core;

/// <summary>One frame read back from a telemetry descriptor (aws-lambda-dotnet Libraries/src/Amazon.Lambda.RuntimeSupport/Helpers/FileDescriptorLogStream.cs).</summary>
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

    /// <summary>
    /// The next frame on a stream that stays open (a pipe still being written to), or null at a clean end of stream.
    /// A stream that ends inside a frame fails, and the frame's bytes go through <see cref="Parse"/>, so the same checks apply.
    /// </summary>
    public static TelemetryFrame? Read(Stream stream)
    {
        var header = new byte[LogSink.FrameHeaderLength];
        var got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got == 0) return null;
        Assert.True(got == header.Length, $"the stream ended {got} bytes into a frame header");
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
        // A type or length that is not a frame's (a torn or interleaved write) fails in Parse; do not allocate for it first.
        Assert.True(length <= 16 * 1024 * 1024, $"frame length {length}: not a frame header (type bytes {Convert.ToHexString(header, 0, 4)})");
        var frame = new byte[header.Length + (int)length];
        header.CopyTo(frame, 0);
        got = stream.ReadAtLeast(frame.AsSpan(header.Length), (int)length, throwOnEndOfStream: false);
        Assert.True(got == length, $"the stream ended {got} bytes into a {length}-byte frame message");
        return Assert.Single(Parse(frame));
    }
}
