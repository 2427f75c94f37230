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
    private readonly List<(int NameStart, int NameLength, int ValueStart, int ValueLength)> _fields = new(12);

    /// <param name="head">The header lines, each ending in LF or CRLF; the status line and the blank line excluded.</param>
    /// <exception cref="IOException">A line without a name and colon.</exception>
    public RuntimeHttpHeaders(ReadOnlySpan<byte> head)
    {
        _head = head.ToArray();
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
            _fields.Add((nameStart, nameLength, valueStart, valueLength));
            at = end + 1;
        }
    }

    /// <summary>The first value of header <paramref name="name"/> (ASCII, any case), or null when absent.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var (nameStart, nameLength, valueStart, valueLength) in _fields)
                if (nameLength == name.Length && Ascii.EqualsIgnoreCase(_head.AsSpan(nameStart, nameLength), name))
                    return valueLength == 0 ? "" : Encoding.UTF8.GetString(_head, valueStart, valueLength);
            return null;
        }
    }

    /// <summary>Whether header <paramref name="name"/> has a comma-separated element equal to <paramref name="token"/> (any case).</summary>
    public bool HasToken(string name, string token)
    {
        foreach (var (nameStart, nameLength, valueStart, valueLength) in _fields)
        {
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
