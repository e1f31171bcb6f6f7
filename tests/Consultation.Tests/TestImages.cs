using System.Text;
using SkiaSharp;

namespace Consultation.Tests;

public static class TestImages
{
    public const string Secret = "GPS 30.5928N 114.3055E owner:zhangsan-phone";

    /// <summary>A real JPEG photo whose APP1 Exif segment carries <see cref="Secret"/>, as a phone camera writes it.</summary>
    public static byte[] JpegWithExif(int width = 64, int height = 48)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(new SKColor(200, 80, 60));
        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        // TIFF header (big-endian), an empty IFD, no next IFD, then the tag text a camera would store.
        var tiff = new byte[] { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0 }.Concat(Encoding.ASCII.GetBytes(Secret)).ToArray();
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var length = payload.Length + 2;
        var app1 = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF) }.Concat(payload);
        return jpeg.Take(2).Concat(app1).Concat(jpeg.Skip(2)).ToArray();
    }

    /// <summary>A tiny PNG whose header claims <paramref name="width"/>×<paramref name="height"/> pixels (a decompression bomb's shape).</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        using var bitmap = new SKBitmap(1, 1);
        using var image = SKImage.FromBitmap(bitmap);
        var png = image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
        // IHDR follows the 8-byte signature and its 8-byte length+type: width and height are big-endian at 16 and 20.
        png[16] = (byte)(width >> 24); png[17] = (byte)(width >> 16); png[18] = (byte)(width >> 8); png[19] = (byte)width;
        png[20] = (byte)(height >> 24); png[21] = (byte)(height >> 16); png[22] = (byte)(height >> 8); png[23] = (byte)height;
        // The chunk's CRC (over type and data, bytes 12–28) must match, or the decoder rejects the file before reading the size.
        var crc = Crc32(png.AsSpan(12, 17));
        png[29] = (byte)(crc >> 24); png[30] = (byte)(crc >> 16); png[31] = (byte)(crc >> 8); png[32] = (byte)crc;
        return png;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The start of a WebM file as MediaRecorder writes it (EBML header, DocType webm), padded to <paramref name="length"/>.</summary>
    public static byte[] WebmVoice(int length)
    {
        byte[] header = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81,
            0x08, 0x42, 0x82, 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m', 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02];
        var bytes = new byte[length];
        header.CopyTo(bytes, 0);
        return bytes;
    }

    public static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType, Guid? consultationId = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (consultationId is { } id) form.Add(new StringContent(id.ToString()), "consultationId");
        return form;
    }
}
