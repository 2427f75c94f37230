using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LambdaRoutes.Forms;

namespace LambdaRoutes.Runtime.Tests.Properties;

/// <summary>
/// The multipart parser on mutated bodies: a valid body with random overwrites, insertions or a truncation either parses
/// or fails with a <see cref="FormatException"/> (→ 400); nothing else escapes (no index errors, no hangs).
/// </summary>
public sealed class MultipartProperties
{
    private const string ContentType = "multipart/form-data; boundary=XyZ";

    private static readonly byte[] Valid = Encoding.UTF8.GetBytes(
        "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" +
        "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n--X\r\n" +
        "--XyZ--\r\nepilogue");

    private static readonly Gen<byte[]> Mutated =
        from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Elements<byte>(
            (byte)'-', (byte)'\r', (byte)'\n', (byte)'"', (byte)';', (byte)'=', (byte)':', (byte)'X', (byte)'y', (byte)'Z', 0x00, 0xFF)))
        from cut in Gen.Choose(0, Valid.Length)
        from truncate in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Mutate(edits, truncate ? cut : Valid.Length);

    private static byte[] Mutate(IEnumerable<(int, byte)> edits, int length)
    {
        var bytes = Valid.ToList();
        foreach (var (at, value) in edits.Take(6))
        {
            var i = at % bytes.Count;
            if (at % 2 == 0) bytes[i] = value;
            else bytes.Insert(i, value);
        }
        return bytes.Take(Math.Min(length, bytes.Count)).ToArray();
    }

    [Fact]
    public void The_unmutated_body_parses()
    {
        var form = MultipartParser.Parse(Valid, ContentType);
        Assert.Equal("1", form["a"]);
        Assert.Equal("\u0089PNG\r\n--X"u8.ToArray(), form.File("f")!.Bytes.ToArray()); // a "--X" line inside a file is content
    }

    [Fact]
    public void A_mutated_body_parses_or_is_a_format_error()
    {
        Prop.ForAll(Mutated.ToArbitrary(), body =>
        {
            try
            {
                var form = MultipartParser.Parse(body, ContentType);
                return form.Files.All(f => f.Length <= body.Length);
            }
            catch (FormatException ex)
            {
                return ex.Message.Length > 0;
            }
        }).QuickCheckThrowOnFailure();
    }
}
