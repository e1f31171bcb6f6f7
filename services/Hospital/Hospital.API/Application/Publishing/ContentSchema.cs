using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Hospital.API.Application.Publishing;

/// <summary>A content type's fields as the admin console draws its form: kind, Chinese label, and sub-fields for lists
/// of records. Derived from the document class, so a new content type needs no admin code.</summary>
public sealed record ContentField(string Name, string Label, string Kind, IReadOnlyList<ContentField>? Fields = null);

public static class ContentSchema
{
    public static List<ContentField> For(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(Field).ToList();

    private static ContentField Field(PropertyInfo p)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
        var label = ContentInspector.Label(p);
        var t = p.PropertyType;
        if (t == typeof(string))
        {
            var kind = p.IsDefined(typeof(RichTextAttribute)) ? "richtext"
                : p.IsDefined(typeof(ImageAttribute)) ? "image"
                : p.IsDefined(typeof(LinkUrlAttribute)) ? "link" : "text";
            return new ContentField(name, label, kind);
        }
        if (t == typeof(bool)) return new ContentField(name, label, "boolean");
        if (t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal)) return new ContentField(name, label, "number");
        if (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t) && t.IsGenericType)
        {
            var element = t.GetGenericArguments()[0];
            return element == typeof(string)
                ? new ContentField(name, label, "list")
                : new ContentField(name, label, "objects", For(element));
        }
        return new ContentField(name, label, "object", For(t));
    }
}
