using Platform.ServiceDefaults.Problems;

namespace Hospital.API.Application.Publishing;

/// <summary>A document staff edit through the publishing workflow. Label its properties with
/// <c>[Display(Name = "中文名")]</c> (the audit shows them), mark Markdown with <see cref="RichTextAttribute"/> and
/// links with <see cref="LinkUrlAttribute"/>; every other string must be plain text (checked for you).</summary>
public interface IContentDocument
{
    /// <summary>What staff see in lists and the audit trail.</summary>
    string ContentTitle { get; }

    /// <summary>Type-specific rules (required fields, lengths); plain text and links are checked generically.</summary>
    void Validate(Validation validation);
}
