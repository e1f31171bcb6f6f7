using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hospital.API.Application.Publishing;

public static class PublishingRegistration
{
    /// <summary>The workflow itself (the admin endpoints need it even before any content type is registered).</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.TryAddSingleton<ContentTypeRegistry>();
        services.TryAddScoped<ContentWorkflow>();
        return services;
    }

    /// <summary>Makes <typeparamref name="T"/> editable through the staff workflow (draft → review → publish) under
    /// <c>/api/hospital/admin/content/{slug}</c> and readable by patients once published.</summary>
    public static IServiceCollection AddPublishableContent<T>(this IServiceCollection services, string slug, string label,
        params string[] fixedKeys) where T : class, IContentDocument
    {
        services.AddSingleton(new ContentTypeRegistration(slug, label, typeof(T), fixedKeys.Length == 0 ? null : fixedKeys));
        services.AddPublishing();
        services.AddScoped<PublishedContent<T>>();
        services.AddScoped<PublishedHandlerInvoker<T>>();
        return services;
    }
}

/// <summary>Lets the untyped workflow call the typed publish hooks of one content type.</summary>
internal interface IPublishedHandlerInvoker
{
    Task InvokeAsync(string key, object document, CancellationToken ct);
}

internal sealed class PublishedHandlerInvoker<T>(IEnumerable<IContentPublishedHandler<T>> handlers) : IPublishedHandlerInvoker
    where T : IContentDocument
{
    public async Task InvokeAsync(string key, object document, CancellationToken ct)
    {
        foreach (var handler in handlers) await handler.OnPublishedAsync(key, (T)document, ct);
    }
}
