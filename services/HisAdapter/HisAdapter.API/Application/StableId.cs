using System.Security.Cryptography;
using System.Text;

namespace HisAdapter.API.Application;

/// <summary>The same platform id for the same HIS thing every time, so repeated pushes name the same report.</summary>
public static class StableId
{
    public static Guid For(Guid scope, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{scope:N}|{name}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
