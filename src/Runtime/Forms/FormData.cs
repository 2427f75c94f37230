namespace LambdaRoutes;

/// <summary>
/// A parsed form: <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c> (the Web <c>FormData</c> of
/// <c>request.formData()</c>, Next.js packages/next/src/server/route-modules/app-route/module.ts). Text fields and files are kept apart, each in body order.
/// </summary>
public sealed class FormData
{
    internal FormData(ParamMap fields, IReadOnlyList<FormFile> files)
    {
        Fields = fields;
        Files = files;
    }

    /// <summary>The text fields (repeated names keep every value).</summary>
    public ParamMap Fields { get; }

    /// <summary>Every uploaded file, in body order.</summary>
    public IReadOnlyList<FormFile> Files { get; }

    /// <summary>The first value of text field <paramref name="name"/>, or null.</summary>
    public string? this[string name] => Fields[name];

    /// <summary>The first file uploaded as <paramref name="name"/>, or null.</summary>
    public FormFile? File(string name) => Files.FirstOrDefault(f => f.Name == name);

    /// <summary>Every file uploaded as <paramref name="name"/>.</summary>
    public IReadOnlyList<FormFile> GetFiles(string name) => Files.Where(f => f.Name == name).ToArray();
}
