namespace Hospital.API.Application.Publishing;

/// <summary>One field that changed between two versions of a document, labelled in Chinese.</summary>
public sealed record FieldChange(string Field, string Label, string? Before, string? After);
