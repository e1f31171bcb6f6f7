namespace Hospital.Tests;

/// <summary>These tests run without a HIS, so the service seeds its demo departments.</summary>
internal static class DemoData
{
    public static readonly IReadOnlyDictionary<string, string> Settings =
        new Dictionary<string, string> { ["Hospital:SeedDemoDepartments"] = "true", ["Hospital:SeedDemoContent"] = "true" };
}
