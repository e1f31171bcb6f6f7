using System.Buffers.Binary;
using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Reports.API.Application.Pdf;

/// <summary>The CJK font report PDFs are drawn with. PDFsharp resolves fonts through one process-wide resolver, so each
/// configured font file is registered under a family name of its own and the resolver serves its bytes.</summary>
public static class ReportFont
{
    private static readonly ConcurrentDictionary<string, Lazy<byte[]?>> Faces = new();
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>The family name to draw with, or null when the font file is missing or unreadable.</summary>
    public static string? FamilyFor(string path)
    {
        Install();
        var family = "ReportCjk-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path)))[..12];
        var face = Faces.GetOrAdd(family, _ => new Lazy<byte[]?>(() => Load(path)));
        if (face.Value is null)
        {
            // A font installed later is picked up on the next request.
            Faces.TryRemove(family, out _);
            return null;
        }
        return family;
    }

    private static void Install()
    {
        lock (Gate)
        {
            if (_installed) return;
            GlobalFontSettings.FontResolver = new Resolver();
            _installed = true;
        }
    }

    private static byte[]? Load(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            var bytes = File.ReadAllBytes(path);
            return TrueTypeCollection.IsCollection(bytes) ? TrueTypeCollection.FirstFace(bytes) : bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return null;
        }
    }

    private sealed class Resolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            Faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, isBold, isItalic) : null;

        public byte[]? GetFont(string faceName) => Faces.TryGetValue(faceName, out var face) ? face.Value : null;
    }
}

/// <summary>PDFsharp embeds single TrueType fonts; a collection (.ttc) is cut down to its first face.</summary>
public static class TrueTypeCollection
{
    public static bool IsCollection(ReadOnlySpan<byte> file) => file.Length >= 16 && file[..4].SequenceEqual("ttcf"u8);

    /// <summary>Copies face 0's table directory and tables into a standalone font with offsets recomputed.</summary>
    public static byte[] FirstFace(ReadOnlySpan<byte> ttc)
    {
        if (!IsCollection(ttc) || BinaryPrimitives.ReadUInt32BigEndian(ttc[8..]) == 0) throw new InvalidDataException("not a TrueType collection");
        var face = checked((int)BinaryPrimitives.ReadUInt32BigEndian(ttc[12..]));
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(ttc[(face + 4)..]);
        var directoryLength = 12 + 16 * tableCount;
        var tables = new (int Offset, int Length)[tableCount];
        var size = directoryLength;
        for (var i = 0; i < tableCount; i++)
        {
            var record = face + 12 + 16 * i;
            var offset = checked((int)BinaryPrimitives.ReadUInt32BigEndian(ttc[(record + 8)..]));
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(ttc[(record + 12)..]));
            if (offset < 0 || length < 0 || offset + length > ttc.Length) throw new InvalidDataException("table outside the file");
            tables[i] = (offset, length);
            size += (length + 3) & ~3;
        }

        var font = new byte[size];
        ttc.Slice(face, directoryLength).CopyTo(font);
        var at = directoryLength;
        for (var i = 0; i < tableCount; i++)
        {
            var (offset, length) = tables[i];
            ttc.Slice(offset, length).CopyTo(font.AsSpan(at));
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(12 + 16 * i + 8), (uint)at);
            at += (length + 3) & ~3;
        }
        return font;
    }
}
