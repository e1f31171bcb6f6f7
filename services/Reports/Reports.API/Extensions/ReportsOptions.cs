namespace Reports.API.Extensions;

public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>How long what the HIS answered is shown without asking it again.</summary>
    public TimeSpan FreshFor { get; set; } = TimeSpan.FromMinutes(10);
    public int ShareMaxHours { get; set; } = 72;
    public int ShareDefaultHours { get; set; } = 24;

    /// <summary>The CJK font report PDFs are drawn with: a .ttf, or a .ttc whose first face is used.</summary>
    public string PdfFontFile { get; set; } = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
}
