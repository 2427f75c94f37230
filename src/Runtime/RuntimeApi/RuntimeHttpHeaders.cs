using System.Buffers.Text;
using System.Text;

namespace LambdaRoutes.RuntimeApi;

/// <summary>
/// The header block of one Runtime API response, kept as its raw bytes with the position of each name and value. A
/// value becomes a string only when the client asks for it: a response carries about eight headers and the loop reads
/// four, so parsing every line into strings and a case-insensitive dictionary was a fifth of a warm invocation's
/// instructions (bench/callgrind.sh).
/// </summary>
internal sealed class RuntimeHttpHeaders
{
    private readonly byte[] _head;
    // An array walked with an index, not a List and its enumerator: the loop looks up seven names per invocation.
    private readonly (int NameStart, int NameLength, int ValueStart, int ValueLength)[] _fields;
    private readonly int _count;

    /// <param name="head">The header lines, each ending in LF or CRLF; the status line and the blank line excluded.</param>
    /// <exception cref="IOException">A line without a name and colon.</exception>
    public RuntimeHttpHeaders(ReadOnlySpan<byte> head)
    {
        _head = head.ToArray();
        _fields = new (int, int, int, int)[head.Count((byte)'\n') + 1];
        var at = 0;
        while (at < _head.Length)
        {
            var lf = _head.AsSpan(at).IndexOf((byte)'\n');
            var end = lf < 0 ? _head.Length : at + lf;
            var lineEnd = end > at && _head[end - 1] == '\r' ? end - 1 : end;
            var line = _head.AsSpan(at, lineEnd - at);
            var colon = line.IndexOf((byte)':');
            if (colon <= 0) throw new IOException($"Malformed HTTP header from the Runtime API: \"{Encoding.UTF8.GetString(line)}\"");
            var (nameStart, nameLength) = Trimmed(at, colon);
            var (valueStart, valueLength) = Trimmed(at + colon + 1, line.Length - colon - 1);
            _fields[_count++] = (nameStart, nameLength, valueStart, valueLength);
            at = end + 1;
        }
    }

    /// <summary>The first value of header <paramref name="name"/> (ASCII, any case), or null when absent.</summary>
    public string? this[string name] => Get(name, reuse: null);

    /// <summary>
    /// As the indexer, but returns <paramref name="reuse"/> itself when the value is that text: a value that repeats on
    /// every invocation (the function ARN) is not decoded into a new string each time.
    /// </summary>
    public string? Get(string name, string? reuse)
    {
        if (Find(name) is not var (start, length)) return null;
        if (length == 0) return "";
        var value = _head.AsSpan(start, length);
        return reuse is not null && Ascii.Equals(value, reuse) ? reuse : Encoding.UTF8.GetString(value);
    }

    /// <summary>Header <paramref name="name"/> as a decimal integer with an optional sign, read from its bytes.</summary>
    /// <returns>False when the header is absent or is not exactly such a number.</returns>
    public bool TryGetInt64(string name, out long value)
    {
        if (Find(name) is var (start, length) && Utf8Parser.TryParse(_head.AsSpan(start, length), out value, out var consumed)
            && consumed == length)
            return true;
        value = 0;
        return false;
    }

    /// <summary>Where the first header called <paramref name="name"/> has its value.</summary>
    private (int Start, int Length)? Find(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            var (nameStart, nameLength, valueStart, valueLength) = _fields[i];
            if (nameLength == name.Length && Ascii.EqualsIgnoreCase(_head.AsSpan(nameStart, nameLength), name))
                return (valueStart, valueLength);
        }
        return null;
    }

    /// <summary>Whether header <paramref name="name"/> has a comma-separated element equal to <paramref name="token"/> (any case).</summary>
    public bool HasToken(string name, string token)
    {
        for (var i = 0; i < _count; i++)
        {
            var (nameStart, nameLength, valueStart, valueLength) = _fields[i];
            if (nameLength != name.Length || !Ascii.EqualsIgnoreCase(_head.AsSpan(nameStart, nameLength), name)) continue;
            var rest = _head.AsSpan(valueStart, valueLength);
            while (true)
            {
                var comma = rest.IndexOf((byte)',');
                if (Ascii.EqualsIgnoreCase((comma < 0 ? rest : rest[..comma]).Trim(" \t"u8), token)) return true;
                if (comma < 0) break;
                rest = rest[(comma + 1)..];
            }
        }
        return false;
    }

    /// <summary>Start and length of <c>_head[start..start+length]</c> without surrounding spaces and tabs.</summary>
    private (int Start, int Length) Trimmed(int start, int length)
    {
        while (length > 0 && _head[start] is (byte)' ' or (byte)'\t') { start++; length--; }
        while (length > 0 && _head[start + length - 1] is (byte)' ' or (byte)'\t') length--;
        return (start, length);
    }
}
