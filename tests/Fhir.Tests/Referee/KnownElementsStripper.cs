using System.Collections;
using System.Reflection;
using Platform.Fhir.Model;

namespace Fhir.Tests.Referee;

/// <summary>
/// Drops every element the model does not know (AdditionalElements) from a parsed resource, leaving exactly
/// what the model itself writes, so the referees can judge the model's element names and types.
/// Resources of unknown type are left whole: the model writes them back verbatim.
/// </summary>
public static class KnownElementsStripper
{
    public static T Strip<T>(T root) where T : Base
    {
        Visit(root);
        return root;
    }

    private static void Visit(object? value)
    {
        switch (value)
        {
            case null or string or UnknownResource:
                return;
            case Base element:
                element.AdditionalElements = null;
                foreach (var property in element.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetIndexParameters().Length == 0 && property.CanWrite)
                        Visit(property.GetValue(element));
                }
                return;
            case IEnumerable items:
                foreach (var item in items) Visit(item);
                return;
        }
    }
}
