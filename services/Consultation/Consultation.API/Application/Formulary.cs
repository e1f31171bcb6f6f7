using System.Text.Json;
using Consultation.API.Extensions;
using Microsoft.Extensions.Options;

namespace Consultation.API.Application;

public sealed record FormularyDrug(string Code, string Name, string DrugClass, string? Controlled);

/// <summary>The hospital formulary as the pharmacists curate it (Pharmacy's knowledge base file), read once: which drugs
/// exist and which are narcotic or psychotropic.</summary>
public sealed class Formulary
{
    private readonly Dictionary<string, FormularyDrug> _drugs;
    private readonly HashSet<string> _highRisk;

    public Formulary(IOptions<ConsultationOptions> options)
    {
        using var stream = File.OpenRead(options.Value.KnowledgeBaseFile);
        using var json = JsonDocument.Parse(stream);
        _drugs = json.RootElement.GetProperty("drugs").EnumerateArray().Select(d => new FormularyDrug(
                d.GetProperty("code").GetString()!, d.GetProperty("name").GetString()!, d.GetProperty("drugClass").GetString()!,
                d.TryGetProperty("controlled", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null))
            .ToDictionary(d => d.Code);
        _highRisk = options.Value.HighRiskDrugCodes.ToHashSet();
    }

    public IEnumerable<FormularyDrug> All => _drugs.Values.OrderBy(d => d.DrugClass).ThenBy(d => d.Code);

    public FormularyDrug? Find(string code) => _drugs.GetValueOrDefault(code);

    /// <summary>Why the drug may not be prescribed online, or null when it may.</summary>
    public string? OnlineRefusal(FormularyDrug drug) => drug.Controlled switch
    {
        "narcotic" => "麻醉药品不得在互联网诊疗中开具",
        "psychotropic" => "精神药品不得在互联网诊疗中开具",
        _ when _highRisk.Contains(drug.Code) => "高警示药品不得在互联网诊疗中开具，请线下就诊",
        _ => null,
    };
}
