namespace Fhir.Tests.Serialization;

public static class Samples
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Samples");

    public static IEnumerable<string> FileNames =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(Path.GetFileName).OfType<string>().Order();

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    /// <summary>"Bundle.transaction.json" holds a Bundle: the resource type is the name up to the first dot.</summary>
    public static string ResourceTypeOf(string fileName) => fileName.Split('.')[0];
}
