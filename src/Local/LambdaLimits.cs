namespace LambdaRoutes.Local;

/// <summary>Lambda's synchronous invocation payload limits (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), enforced by the emulator.</summary>
public static class LambdaLimits
{
    /// <summary>Largest event: 6,291,456 bytes ("Request must be smaller than 6291456 bytes").</summary>
    public const int MaxRequestBytes = 6 * 1024 * 1024;

    /// <summary>Largest response: 6 MiB + 100 bytes (the RIE's <c>MaxPayloadSize</c>); more is <c>Function.ResponseSizeTooLarge</c>.</summary>
    public const int MaxResponseBytes = 6 * 1024 * 1024 + 100;

    /// <summary>
    /// Largest streamed response: 200 MB, the current documented limit for <c>RESPONSE_STREAM</c> (https://docs.aws.amazon.com/lambda/latest/dg/configuration-response-streaming.html;
    /// older documentation gives a 20 MB soft limit). More is <c>Function.ResponseSizeTooLarge</c>.
    /// </summary>
    public const long MaxStreamedResponseBytes = 200L * 1024 * 1024;
}
