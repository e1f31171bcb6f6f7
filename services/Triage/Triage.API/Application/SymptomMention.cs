using Triage.API.Domain;

namespace Triage.API.Application;

/// <summary>A symptom found in what the patient said (<paramref name="Matched"/> = the words that matched), or
/// added by an answer to a follow-up question.</summary>
public sealed record SymptomMention(Symptom Symptom, string Matched);
