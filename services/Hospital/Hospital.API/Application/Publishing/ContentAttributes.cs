namespace Hospital.API.Application.Publishing;

/// <summary>A Markdown field: sanitised when saved, rendered to safe HTML (and sanitised again) when read.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RichTextAttribute : Attribute;

/// <summary>A link: only http(s), mailto, tel or an in-app path ("/departments").</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LinkUrlAttribute : Attribute;

/// <summary>A link to an uploaded image: the admin console offers an upload button (POST /api/hospital/admin/media).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ImageAttribute : Attribute;
