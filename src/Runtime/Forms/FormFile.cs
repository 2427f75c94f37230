using System.Text;

namespace LambdaRoutes;

/// <summary>One uploaded file of a <c>multipart/form-data</c> body (the Web <c>File</c> that <c>formData().get(name)</c> gives).</summary>
public sealed class FormFile
{
    internal FormFile(string name, string fileName, string contentType, ReadOnlyMemory<byte> bytes)
    {
        Name = name;
        FileName = fileName;
        ContentType = contentType;
        Bytes = bytes;
    }

    /// <summary>The form field name (<c>name=</c> of <c>Content-Disposition</c>).</summary>
    public string Name { get; }

    /// <summary>The file name the client sent (<c>filename=</c>, or <c>filename*=</c> when given); may be empty.</summary>
    public string FileName { get; }

    /// <summary>The part's <c>Content-Type</c>; <c>application/octet-stream</c> when the part has none (as undici's <c>File</c>).</summary>
    public string ContentType { get; }

    /// <summary>The file content (a slice of the request body, not a copy).</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The size in bytes.</summary>
    public long Length => Bytes.Length;

    /// <summary>The content decoded as UTF-8 (the Web <c>File.text()</c>).</summary>
    public string Text() => Encoding.UTF8.GetString(Bytes.Span);
}
