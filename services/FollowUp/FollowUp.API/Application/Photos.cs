namespace FollowUp.API.Application;

/// <summary>Complaint photos are accepted only when their bytes are the image they claim to be (JPEG, PNG or WebP):
/// the declared type is never trusted, and anything else (scripts, SVG, documents) is refused.</summary>
public static class Photos
{
    public static string? SniffImageType(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    /// <summary>Decodes a data URL or bare base64 photo; null when it is not base64 at all.</summary>
    public static byte[]? Decode(string value)
    {
        var comma = value.StartsWith("data:", StringComparison.Ordinal) ? value.IndexOf(',') : -1;
        var base64 = comma >= 0 ? value[(comma + 1)..] : value;
        try { return Convert.FromBase64String(base64); }
        catch (FormatException) { return null; }
    }
}
