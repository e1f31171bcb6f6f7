using Platform.ServiceDefaults.Problems;

namespace Consultation.API.Application;

/// <summary>Voice notes as browsers record them (MediaRecorder): WebM/Opus (Chromium, Firefox), Ogg/Opus, MP4/AAC
/// (Safari), recognised by their leading bytes, never the name or declared type. They are short and carry no camera or
/// location metadata, so they are stored as recorded.</summary>
public static class AudioCheck
{
    public static string? SniffType(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 4 && b[0] == 0x1A && b[1] == 0x45 && b[2] == 0xDF && b[3] == 0xA3)
            return b[..Math.Min(b.Length, 64)].IndexOf("webm"u8) >= 0 ? "audio/webm" : null;
        if (b.Length >= 4 && b[..4].SequenceEqual("OggS"u8)) return "audio/ogg";
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8)) return "audio/mp4";
        return null;
    }

    public static string Require(byte[] bytes, long maxBytes)
    {
        var type = SniffType(bytes) ?? throw new ProblemException(415, "unsupported_media", "仅支持 JPG、PNG、WebP 图片和浏览器录制的语音");
        if (bytes.Length > maxBytes) throw new ProblemException(413, "voice_too_long", "语音过长，请控制在60秒以内");
        return type;
    }
}
