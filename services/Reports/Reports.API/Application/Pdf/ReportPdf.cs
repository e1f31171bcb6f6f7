using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Reports.API.Application.Pdf;

/// <summary>Draws a report the way the hospital prints it, with the reader's watermark repeated diagonally on every page
/// so a printed or forwarded copy says who took it out and when.</summary>
public sealed class ReportPdf(string fontFamily)
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private const double Margin = 42;
    private static readonly double PageWidth = XUnit.FromMillimeter(210).Point;
    private static readonly double PageHeight = XUnit.FromMillimeter(297).Point;
    private static readonly double Bottom = PageHeight - Margin - 24;
    private static readonly double[] Columns = [0, 0.36, 0.52, 0.64, 0.86];

    private readonly XFont _title = new(fontFamily, 17, XFontStyleEx.Bold);
    private readonly XFont _subtitle = new(fontFamily, 12.5, XFontStyleEx.Regular);
    private readonly XFont _heading = new(fontFamily, 11, XFontStyleEx.Bold);
    private readonly XFont _body = new(fontFamily, 10, XFontStyleEx.Regular);
    private readonly XFont _small = new(fontFamily, 8.5, XFontStyleEx.Regular);
    private readonly XFont _watermark = new(fontFamily, 15, XFontStyleEx.Regular);

    private PdfDocument _document = null!;
    private XGraphics _gfx = null!;
    private double _y;

    public byte[] Render(ReportDetailDto report)
    {
        _document = new PdfDocument();
        _document.Info.Title = report.Title;
        _document.Info.Creator = "智慧医院患者服务平台";
        NewPage();
        Header(report);
        if (report.Items.Count > 0) Results(report.Items);
        Paragraph("检查所见", report.Findings);
        Paragraph(report.Kind == "lab" ? "报告结论" : "诊断意见", report.Conclusion);
        if (report.KeyImages.Count > 0)
            Paragraph("关键图像", string.Join("\n", report.KeyImages.Select(k => $"{k.Index + 1}. {k.Caption}")));
        _gfx.Dispose();
        Finish(report.Watermark);
        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private void EnsureRoom(double height)
    {
        if (_y + height > Bottom) NewPage();
    }

    private void Header(ReportDetailDto r)
    {
        var width = PageWidth - 2 * Margin;
        _gfx.DrawString(r.Kind == "lab" ? "检验报告单" : "检查报告单", _title, XBrushes.Black, new XRect(Margin, _y, width, 22), XStringFormats.TopCenter);
        _y += 26;
        _gfx.DrawString(r.Title, _subtitle, XBrushes.Black, new XRect(Margin, _y, width, 18), XStringFormats.TopCenter);
        _y += 24;
        var fields = new List<(string, string?)>
        {
            ("就诊人编号", r.PatientId.ToString("N")[..8].ToUpperInvariant()), ("报告单号", r.HisId),
            ("报告类别", r.Category), ("状态", r.Status == "final" ? "已出报告" : r.Status),
            (r.Kind == "lab" ? "采样时间" : "检查时间", Time(r.CollectedAt)), ("报告时间", Time(r.IssuedAt)),
            (r.Kind == "lab" ? "标本号" : "检查号", r.Accession), ("报告医生", r.Interpreter),
            (r.Kind == "lab" ? "检验者" : "检查者", r.Performer),
        };
        if (r.Imaging is { } img)
        {
            fields.Add(("检查方式", img.Modality));
            fields.Add(("检查部位", img.BodySite));
        }
        var shown = fields.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var x = Margin + (i % 2) * width / 2;
            _gfx.DrawString($"{shown[i].Item1}：{shown[i].Item2}", _body, XBrushes.Black, x, _y, XStringFormats.TopLeft);
            if (i % 2 == 1 || i == shown.Count - 1) _y += 16;
        }
        _y += 4;
        _gfx.DrawLine(new XPen(XColors.Black, 1), Margin, _y, PageWidth - Margin, _y);
        _y += 8;
    }

    private void Results(IReadOnlyList<ItemView> items)
    {
        TableHeader();
        foreach (var item in items)
        {
            EnsureRoom(18);
            if (_y == Margin) TableHeader();
            var brush = item.Abnormal ? XBrushes.DarkRed : XBrushes.Black;
            var flag = string.Join(" ", new[] { item.Arrow, item.FlagText, item.Critical ? "危急值" : null }.Where(s => !string.IsNullOrEmpty(s)).Distinct());
            Row([item.Name, $"{item.Value} {item.Arrow}".Trim(), item.Unit, item.ReferenceRange, flag], _body, brush);
        }
        _y += 4;
        _gfx.DrawLine(new XPen(XColors.Black, 0.8), Margin, _y, PageWidth - Margin, _y);
        _y += 6;
        _gfx.DrawString("↑ 高于参考范围　↓ 低于参考范围　参考范围仅供参考，请结合临床。", _small, XBrushes.DimGray, Margin, _y, XStringFormats.TopLeft);
        _y += 18;
    }

    private void TableHeader()
    {
        Row(["项目", "结果", "单位", "参考范围", "提示"], _heading, XBrushes.Black);
        _gfx.DrawLine(new XPen(XColors.Gray, 0.5), Margin, _y, PageWidth - Margin, _y);
        _y += 4;
    }

    private void Row(string[] cells, XFont font, XBrush brush)
    {
        var width = PageWidth - 2 * Margin;
        for (var c = 0; c < cells.Length; c++)
        {
            var cellWidth = ((c + 1 < Columns.Length ? Columns[c + 1] : 1) - Columns[c]) * width - 4;
            _gfx.DrawString(Fit(cells[c], font, cellWidth), font, brush, Margin + Columns[c] * width, _y, XStringFormats.TopLeft);
        }
        _y += 16;
    }

    private string Fit(string text, XFont font, double width)
    {
        if (_gfx.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && _gfx.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }

    private void Paragraph(string heading, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        EnsureRoom(36);
        _gfx.DrawString(heading, _heading, XBrushes.Black, Margin, _y, XStringFormats.TopLeft);
        _y += 18;
        foreach (var line in Wrap(text, _body, PageWidth - 2 * Margin - 12))
        {
            EnsureRoom(15);
            _gfx.DrawString(line, _body, XBrushes.Black, Margin + 12, _y, XStringFormats.TopLeft);
            _y += 15;
        }
        _y += 8;
    }

    /// <summary>Chinese wraps anywhere, so lines break by character.</summary>
    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var line = "";
            foreach (var ch in paragraph)
            {
                if (line.Length > 0 && _gfx.MeasureString(line + ch, font).Width > width)
                {
                    yield return line;
                    line = "";
                }
                line += ch;
            }
            yield return line;
        }
    }

    /// <summary>Page numbers and the watermark go on last, over everything drawn, on every page.</summary>
    private void Finish(string watermark)
    {
        var brush = new XSolidBrush(XColor.FromArgb(56, 120, 120, 120));
        for (var i = 0; i < _document.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            gfx.DrawString($"第 {i + 1} 页 / 共 {_document.PageCount} 页　本报告仅供本人查阅，不作为其他用途的证明", _small, XBrushes.DimGray,
                new XRect(Margin, PageHeight - Margin, PageWidth - 2 * Margin, 12), XStringFormats.TopCenter);
            var state = gfx.Save();
            gfx.RotateAtTransform(-30, new XPoint(PageWidth / 2, PageHeight / 2));
            var step = gfx.MeasureString(watermark, _watermark).Width + 60;
            for (double y = -PageHeight * 0.4, row = 0; y < PageHeight * 1.4; y += 110, row++)
                for (var x = -PageWidth * 0.5 + (row % 2) * step / 2; x < PageWidth * 1.5; x += step)
                    gfx.DrawString(watermark, _watermark, brush, x, y, XStringFormats.TopLeft);
            gfx.Restore(state);
        }
    }

    private static string? Time(DateTimeOffset? at) => at is null ? null : TimeZoneInfo.ConvertTime(at.Value, Shanghai).ToString("yyyy-MM-dd HH:mm");
}
