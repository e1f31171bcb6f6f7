using System.Net;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Utility;

namespace HisAdapter.API.Application;

/// <summary>The few conveniences the adapter needs on top of Firely's POCOs and client.</summary>
public static class FhirHelpers
{
    public static ResourceReference Ref(string resourceType, string id, string? display = null) => new($"{resourceType}/{id}", display);

    /// <summary>The id part of a relative reference of the given type, or null when it points elsewhere.</summary>
    public static string? IdFor(this ResourceReference? reference, string resourceType)
    {
        var value = reference?.Reference;
        if (value is null) return null;
        var prefix = resourceType + "/";
        var start = value.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0 || (start > 0 && value[start - 1] != '/')) return null;
        var id = value[(start + prefix.Length)..];
        var historyAt = id.IndexOf("/_history/", StringComparison.Ordinal);
        return historyAt >= 0 ? id[..historyAt] : id;
    }

    public static long ToFen(this Money money) => money.Value is { } yuan
        ? decimal.ToInt64(decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero))
        : throw new InvalidOperationException("Money has no value.");

    /// <summary>A FHIR dateTime; one without an offset is hospital time.</summary>
    public static DateTimeOffset? At(this FhirDateTime? value) =>
        value?.Value is null ? null : value.ToDateTimeOffset(HisSystems.Shanghai);

    public static string Literal<TEnum>(this TEnum? value) where TEnum : struct, Enum =>
        value is { } v ? v.GetLiteral() : "";

    public static T? ExtensionValue<T>(this DomainResource resource, string url) where T : DataType =>
        resource.GetExtension(url)?.Value as T;

    /// <summary>Reads <c>Type/id</c>, the id URL-escaped.</summary>
    public static async Task<TResource> ReadByIdAsync<TResource>(this BaseFhirClient his, string id, CancellationToken ct)
        where TResource : Resource, new()
    {
        var location = $"{new TResource().TypeName}/{Uri.EscapeDataString(id)}";
        return await his.ReadAsync<TResource>(location, ct: ct) ?? throw new InvalidOperationException($"GET {location} answered without a body");
    }

    public static bool IsNotFound(this FhirOperationException ex) => ex.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone;

    /// <summary>409, or 412: a version-aware or conditional write met a newer truth on the HIS.</summary>
    public static bool IsConflict(this FhirOperationException ex) => ex.Status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed;
}
