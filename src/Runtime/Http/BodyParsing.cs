namespace LambdaRoutes.Http;

/// <summary>
/// When the body is parsed: before the handler (handler style, Next's Pages Router <c>parse-body</c>), or on first read
/// (verb style, the Web <c>Request</c> of an App Router route handler, which has no body parser).
/// </summary>
internal enum BodyParsing
{
    BeforeHandler,
    OnFirstRead,
}
