using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Publishing;

/// <summary>Walks a content document's strings (nested records and lists included) by their attributes: rich text is
/// sanitised or rendered, links and plain text are checked. Works for any <see cref="IContentDocument"/>.</summary>
public static class ContentInspector
{
    public static string Label(PropertyInfo property) =>
        property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name;

    /// <summary>On save: cleans every rich-text field in place and reports plain-text fields carrying markup.</summary>
    public static void SanitizeAndCheck(object document, Validation validation) =>
        Walk(document, "", "", (owner, property, value, path, label) =>
        {
            if (property.IsDefined(typeof(RichTextAttribute))) property.SetValue(owner, RichText.SanitizeSource(value));
            else if (property.IsDefined(typeof(LinkUrlAttribute)))
            {
                if (!RichText.IsSafeUrl(value)) validation.Add(path, $"{label}只能是 http(s) 链接或应用内路径");
            }
            else validation.PlainText(path, value, label);
        }, (path, label, value) => validation.PlainText(path, value, label));

    /// <summary>On read: turns every rich-text field into sanitised HTML, in place (call it on a fresh copy).</summary>
    public static void RenderRichText(object document) =>
        Walk(document, "", "", (owner, property, value, _, _) =>
        {
            if (property.IsDefined(typeof(RichTextAttribute))) property.SetValue(owner, RichText.Render(value));
        }, null);

    private delegate void StringVisitor(object owner, PropertyInfo property, string value, string path, string label);

    private static void Walk(object node, string path, string label, StringVisitor visit, Action<string, string, string>? listString)
    {
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0) continue;
            var name = path.Length == 0 ? Camel(property.Name) : $"{path}.{Camel(property.Name)}";
            var text = label.Length == 0 ? Label(property) : $"{label}·{Label(property)}";
            var value = property.GetValue(node);
            switch (value)
            {
                case null: break;
                case string s when property.CanWrite: visit(node, property, s, name, text); break;
                case string: break;
                case IEnumerable list:
                    var i = 0;
                    foreach (var element in list)
                    {
                        if (element is string item) listString?.Invoke($"{name}[{i}]", text, item);
                        else if (IsDocumentPart(element)) Walk(element!, $"{name}[{i}]", $"{text}{i + 1}", visit, listString);
                        i++;
                    }
                    break;
                default:
                    if (IsDocumentPart(value)) Walk(value, name, text, visit, listString);
                    break;
            }
        }
    }

    private static bool IsDocumentPart(object? value) =>
        value is not null && value.GetType() is { IsClass: true } t && t != typeof(string) && t.Namespace?.StartsWith("Hospital.API", StringComparison.Ordinal) == true;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
