using System.Text;

namespace LambdaRoutes.Forms;

/// <summary>
/// A <c>multipart/form-data</c> parser (RFC 7578 over RFC 2046 §5.1): preamble skipped, parts between
/// <c>--boundary</c> lines, headers up to the blank line, content up to CRLF <c>--boundary</c>, the closing
/// <c>--boundary--</c> required. Hand-written rather than ASP.NET's <c>MultipartReader</c>: that lives in the
/// ASP.NET shared framework (and a package the runtime must not depend on), and the whole body is already in memory,
/// so a span search is all it takes. Any structural fault is a <see cref="FormatException"/> with a message that says
/// what is wrong; the invoker answers it with 400 before the handler runs.
/// </summary>
internal static class MultipartParser
{
    /// <summary>Headers of one part longer than this are refused (RFC 7578 parts carry two or three short headers).</summary>
    private const int MaxPartHeaderBytes = 16 * 1024;

    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    /// <exception cref="FormatException">No boundary, or the body is not well-formed multipart.</exception>
    public static FormData Parse(ReadOnlyMemory<byte> body, string? contentType)
    {
        var boundary = BoundaryOf(contentType);
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var span = body.Span;

        var first = span.IndexOf(delimiter);
        if (first < 0 || (first > 0 && (first < 2 || !span[(first - 2)..first].SequenceEqual(Crlf))))
            throw new FormatException($"the body does not contain the boundary \"{boundary}\" from the Content-Type");

        var fields = new ParamMap();
        var files = new List<FormFile>();
        var pos = first + delimiter.Length;
        var partIndex = 0;
        while (true)
        {
            var rest = span[pos..];
            if (rest.StartsWith("--"u8)) break; // the closing delimiter; what follows is the epilogue
            var lineEnd = rest.IndexOf(Crlf);
            if (lineEnd < 0 || rest[..lineEnd].Trim(" \t"u8).Length != 0)
                throw new FormatException($"part {partIndex + 1}: the boundary line is not followed by CRLF (truncated body?)");
            pos += lineEnd + 2;
            rest = span[pos..];

            int headersLength;
            int contentStart;
            if (rest.StartsWith(Crlf)) { headersLength = 0; contentStart = pos + 2; }
            else
            {
                var blank = rest.IndexOf("\r\n\r\n"u8);
                if (blank < 0 || blank > MaxPartHeaderBytes)
                    throw new FormatException($"part {partIndex + 1}: its headers do not end with a blank line");
                headersLength = blank;
                contentStart = pos + blank + 4;
            }
            var headers = ParseHeaders(span.Slice(pos, headersLength), partIndex);

            var contentEnd = IndexOfDelimiter(span, contentStart, delimiter);
            if (contentEnd < 0)
                throw new FormatException($"part {partIndex + 1}: the closing boundary \"--{boundary}--\" is missing (truncated body?)");
            AddPart(headers, body.Slice(contentStart, contentEnd - contentStart), fields, files, partIndex);
            pos = contentEnd + 2 + delimiter.Length;
            partIndex++;
        }
        return new FormData(fields, files);
    }

    /// <summary>The <c>boundary</c> parameter of the Content-Type (RFC 2046: 1–70 characters, possibly quoted).</summary>
    internal static string BoundaryOf(string? contentType)
    {
        foreach (var (name, value) in HeaderParameters.Parse(contentType ?? "").Parameters)
            if (name.Equals("boundary", StringComparison.OrdinalIgnoreCase))
            {
                if (value.Length is 0 or > 70) throw new FormatException("the multipart boundary must be 1 to 70 characters long");
                return value;
            }
        throw new FormatException("the Content-Type has no boundary parameter");
    }

    private static int IndexOfDelimiter(ReadOnlySpan<byte> span, int from, byte[] delimiter)
    {
        var searched = span[from..];
        var offset = 0;
        while (true)
        {
            var i = searched[offset..].IndexOf(delimiter);
            if (i < 0) return -1;
            var at = offset + i;
            // The delimiter only counts at the start of a line: CRLF right before it.
            if (at >= 2 && searched[(at - 2)..at].SequenceEqual(Crlf)) return from + at - 2;
            offset = at + 1;
        }
    }

    private static List<(string Name, string Value)> ParseHeaders(ReadOnlySpan<byte> block, int partIndex)
    {
        var headers = new List<(string, string)>();
        if (block.IsEmpty) return headers;
        // Browsers send raw UTF-8 in filenames; decode the header block as UTF-8.
        foreach (var line in Encoding.UTF8.GetString(block).Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"part {partIndex + 1}: malformed header line \"{line}\"");
            headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return headers;
    }

    private static void AddPart(List<(string Name, string Value)> headers, ReadOnlyMemory<byte> content,
        ParamMap fields, List<FormFile> files, int partIndex)
    {
        string? disposition = null, contentType = null;
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase)) disposition = value;
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = value;
        }
        if (disposition is null) throw new FormatException($"part {partIndex + 1} has no Content-Disposition header");
        var parsed = HeaderParameters.Parse(disposition);
        if (!parsed.Value.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"part {partIndex + 1}: Content-Disposition is \"{parsed.Value}\", expected form-data");

        string? fieldName = null, fileName = null, fileNameStar = null;
        foreach (var (name, value) in parsed.Parameters)
        {
            if (name.Equals("name", StringComparison.OrdinalIgnoreCase)) fieldName = value;
            else if (name.Equals("filename", StringComparison.OrdinalIgnoreCase)) fileName = value;
            else if (name.Equals("filename*", StringComparison.OrdinalIgnoreCase)) fileNameStar = DecodeExtValue(value);
        }
        if (fieldName is null) throw new FormatException($"part {partIndex + 1}: Content-Disposition has no name");

        if (fileName is null && fileNameStar is null)
            fields.Add(fieldName, Encoding.UTF8.GetString(content.Span));
        else
            files.Add(new FormFile(fieldName, fileNameStar ?? fileName!, string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType, content));
    }

    /// <summary>RFC 8187 <c>UTF-8''percent%20encoded</c>; anything else is kept as given.</summary>
    private static string DecodeExtValue(string value)
    {
        var quote = value.IndexOf("''", StringComparison.Ordinal);
        if (quote < 0) return value;
        try { return Uri.UnescapeDataString(value[(quote + 2)..]); }
        catch (UriFormatException) { return value; }
    }
}
