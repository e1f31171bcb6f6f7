using System.Text.Json.Nodes;
using FollowUp.API.Domain;

namespace FollowUp.API.Application;

/// <summary>Questionnaires and responses in FHIR R4 shape (Questionnaire, QuestionnaireResponse), for the HIS and any
/// FHIR client; the phone uses the same link ids.</summary>
public static class Fhir
{
    public static JsonObject Questionnaire(Questionnaire q) => new()
    {
        ["resourceType"] = "Questionnaire",
        ["id"] = q.Id.ToString(),
        ["status"] = q.Active ? "active" : "retired",
        ["title"] = q.Title,
        ["description"] = q.Description,
        ["useContext"] = new JsonArray(new JsonObject { ["code"] = new JsonObject { ["code"] = q.Purpose } }),
        ["item"] = new JsonArray(q.Items.Select(Item).ToArray<JsonNode?>()),
    };

    private static JsonObject Item(QuestionItem i)
    {
        var item = new JsonObject
        {
            ["linkId"] = i.LinkId,
            ["text"] = i.Text,
            ["type"] = i.Type switch
            {
                QuestionType.Choice or QuestionType.Multiple => "choice",
                QuestionType.Text => "text",
                QuestionType.Number => "decimal",
                _ => "integer",
            },
            ["required"] = i.Required,
        };
        if (i.Type == QuestionType.Multiple) item["repeats"] = true;
        if (i.Options.Count > 0)
            item["answerOption"] = new JsonArray(i.Options.Select(o => (JsonNode)new JsonObject { ["valueString"] = o }).ToArray());
        if (i.Type != QuestionType.Text && i.Type != QuestionType.Choice && i.Type != QuestionType.Multiple)
        {
            var (min, max) = AnswerRules.RangeOf(i);
            var ext = new JsonArray();
            if (min != decimal.MinValue) ext.Add(new JsonObject { ["url"] = "http://hl7.org/fhir/StructureDefinition/minValue", ["valueDecimal"] = min });
            if (max != decimal.MaxValue) ext.Add(new JsonObject { ["url"] = "http://hl7.org/fhir/StructureDefinition/maxValue", ["valueDecimal"] = max });
            if (ext.Count > 0) item["extension"] = ext;
        }
        return item;
    }

    public static JsonObject Response(SurveyResponse r) => new()
    {
        ["resourceType"] = "QuestionnaireResponse",
        ["id"] = r.Id.ToString(),
        ["questionnaire"] = $"Questionnaire/{r.QuestionnaireId}",
        ["status"] = r.Status == SurveyStatus.Completed ? "completed" : "in-progress",
        ["subject"] = new JsonObject { ["reference"] = $"Patient/{r.PatientId}" },
        ["authored"] = (r.CompletedAt ?? r.SavedAt ?? r.SendAt).ToString("O"),
        ["item"] = new JsonArray(r.Answers.Select(a => (JsonNode)new JsonObject
        {
            ["linkId"] = a.LinkId,
            ["answer"] = new JsonArray(Values(a).ToArray()),
        }).ToArray()),
    };

    private static IEnumerable<JsonNode?> Values(Answer a)
    {
        if (a.Number is { } n) yield return new JsonObject { ["valueDecimal"] = n };
        foreach (var c in a.Choices) yield return new JsonObject { ["valueString"] = c };
        if (a.Text is { } t) yield return new JsonObject { ["valueString"] = t };
    }
}
