namespace Triage.API.Application;

/// <summary>Field names fixed by issue 13 (outside checks and the patient page rely on them). <paramref name="PatientId"/>
/// (optional, signed in as an account acting for that patient) fills what the health profile already knows (age, sex,
/// pregnancy, high blood pressure) and keeps the triage for the doctor's pre-consultation summary.</summary>
public sealed record AssessmentRequest(int? Age, string? Sex, string? BodyPart, string? Complaint, Dictionary<string, bool>? Answers,
    Guid? PatientId = null);

public sealed record AssessmentResponse(
    bool Emergency,
    EmergencyAdvice? EmergencyAdvice,
    IReadOnlyList<DepartmentSuggestion> Departments,
    string BodyPart,
    IReadOnlyList<RecognisedSymptom> Symptoms,
    IReadOnlyList<QuestionDto> FollowUpQuestions,
    string Disclaimer);

public sealed record DepartmentSuggestion(string Name, Guid? DepartmentId, double Score, IReadOnlyList<string> Reasons);

public sealed record EmergencyAdvice(string Message, IReadOnlyList<string> Reasons, EmergencyDepartment Department, string Phone);

public sealed record EmergencyDepartment(string Name, Guid? DepartmentId, string Campus, string Building, string Floor, string Phone);

public sealed record RecognisedSymptom(string Name, string Matched);

public sealed record QuestionDto(string Code, string Text);

public sealed record BodyPartDto(string Name, IReadOnlyList<string> Symptoms);

public sealed record SymptomSuggestionDto(string Name, IReadOnlyList<string> Examples);
