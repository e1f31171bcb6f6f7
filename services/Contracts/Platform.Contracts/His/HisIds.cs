using System.Security.Cryptography;
using System.Text;

namespace Platform.Contracts.His;

/// <summary>Platform ids of HIS things, the same in every service and every sync, so pages can link across services.</summary>
public static class HisIds
{
    private static readonly Guid Departments = new("0b6c2f4e-5a51-4c0e-9a53-6b1d8f0e2a01");
    private static readonly Guid Doctors = new("0b6c2f4e-5a51-4c0e-9a53-6b1d8f0e2a02");

    public static Guid Department(string code) => Stable(Departments, code);

    public static Guid Doctor(string practitionerHisId) => Stable(Doctors, practitionerHisId);

    /// <summary>A half-day clinic: <paramref name="period"/> AM or PM, as HIS stop-clinic pushes name it.</summary>
    public static string SessionKey(string scheduleHisId, DateOnly date, string period) => $"{scheduleHisId}:{date:yyyyMMdd}:{period}";

    /// <summary>A name-based (version 5 layout, SHA-256) Guid: the same scope and name give the same id.</summary>
    public static Guid Stable(Guid scope, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{scope:N}|{name}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
