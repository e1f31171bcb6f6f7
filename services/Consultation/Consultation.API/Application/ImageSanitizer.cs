using Platform.ServiceDefaults.Problems;
using SkiaSharp;

namespace Consultation.API.Application;

public sealed record CleanImage(byte[] Bytes, string ContentType, int Width, int Height);

/// <summary>Accepts JPEG, PNG and WebP by their leading bytes (never the name or the declared type), decodes them and
/// encodes the pixels again: EXIF (GPS, camera, owner), XMP and comments do not survive, and a file that only claims to be
/// an image fails to decode.</summary>
public static class ImageSanitizer
{
    public const long MaxPixels = 40_000_000;

    public static string? SniffType(ReadOnlySpan<byte> b) =>
        b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? "image/jpeg"
        : b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    public static CleanImage Clean(byte[] input, int maxSide)
    {
        var type = SniffType(input) ?? throw new ProblemException(415, "unsupported_media", "仅支持 JPG、PNG、WebP 格式的图片");
        using var codec = SKCodec.Create(new SKMemoryStream(input))
                          ?? throw new ProblemException(422, "image_unreadable", "图片已损坏或无法识别，请重新选择");
        // A few kilobytes of PNG can claim 30000×30000 pixels: refuse before allocating them.
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
            throw new ProblemException(422, "image_too_many_pixels", "图片分辨率过高，请压缩后再上传");
        using var decoded = SKBitmap.Decode(codec) ?? throw new ProblemException(422, "image_unreadable", "图片已损坏或无法识别，请重新选择");
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(upright.Width, upright.Height));
        using var sized = scale < 1.0
            ? upright.Resize(new SKImageInfo((int)(upright.Width * scale), (int)(upright.Height * scale)), new SKSamplingOptions(SKCubicResampler.Mitchell))
            : upright.Copy();
        using var image = SKImage.FromBitmap(sized);
        // Photos stay JPEG; screenshots and drawings (PNG, WebP) keep their sharp edges as PNG.
        var jpeg = type == "image/jpeg";
        using var data = image.Encode(jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, 85);
        return new CleanImage(data.ToArray(), jpeg ? "image/jpeg" : "image/png", sized.Width, sized.Height);
    }

    /// <summary>Phones store portrait photos sideways with an EXIF orientation; once EXIF is gone the pixels must be upright.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return bitmap.Copy();
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Scale(-1, 1, result.Width / 2f, 0); break;
            case SKEncodedOrigin.BottomRight: canvas.RotateDegrees(180, result.Width / 2f, result.Height / 2f); break;
            case SKEncodedOrigin.BottomLeft: canvas.Scale(1, -1, 0, result.Height / 2f); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, result.Height); canvas.RotateDegrees(270); break;
            case SKEncodedOrigin.LeftTop: canvas.Scale(-1, 1, result.Width / 2f, 0); canvas.Translate(result.Width, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Scale(-1, 1, result.Width / 2f, 0); canvas.Translate(0, result.Height); canvas.RotateDegrees(270); break;
        }
        using var source = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
