namespace LambdaRoutes.RuntimeApi;

/// <summary>
/// The body of a streamed response (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-custom.html#runtimes-custom-response-streaming),
/// produced while the handler runs: it calls <paramref name="writeChunk"/> once per piece, and the Runtime API client
/// sends each piece as one HTTP chunk at once. Throwing ends the stream with the error trailers.
/// </summary>
internal delegate Task StreamingResponseBody(Func<ReadOnlyMemory<byte>, Task> writeChunk);
