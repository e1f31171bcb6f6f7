namespace Platform.Fhir.Model;

public class Quantity : Element
{
    public decimal? Value { get; set; }
    public string? Comparator { get; set; }
    public string? Unit { get; set; }
    public string? System { get; set; }
    public string? Code { get; set; }

    public const string UcumSystem = "http://unitsofmeasure.org";

    public static Quantity Ucum(decimal value, string code, string? unit = null) =>
        new() { Value = value, Unit = unit ?? code, System = UcumSystem, Code = code };
}

public class Money : Element
{
    public decimal? Value { get; set; }
    public string? Currency { get; set; }

    /// <summary>The platform keeps money as integer fen; FHIR carries yuan as a decimal.</summary>
    public static Money FromFen(long fen, string currency = "CNY") => new() { Value = fen / 100m, Currency = currency };

    public long ToFen() => Value is { } yuan
        ? decimal.ToInt64(decimal.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero))
        : throw new InvalidOperationException("Money has no value.");
}

public class Period : Element
{
    public FhirDateTime? Start { get; set; }
    public FhirDateTime? End { get; set; }
}

public class Range : Element
{
    public Quantity? Low { get; set; }
    public Quantity? High { get; set; }
}

public class Ratio : Element
{
    public Quantity? Numerator { get; set; }
    public Quantity? Denominator { get; set; }
}

public class SampledData : Element
{
    public Quantity? Origin { get; set; }
    public decimal? Period { get; set; }
    public decimal? Factor { get; set; }
    public decimal? LowerLimit { get; set; }
    public decimal? UpperLimit { get; set; }
    public int? Dimensions { get; set; }
    public string? Data { get; set; }
}
