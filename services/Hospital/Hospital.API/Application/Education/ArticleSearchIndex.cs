using Hospital.API.Domain.Education;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Hospital.API.Application.Education;

/// <summary>Full-text search over published articles with Lucene.Net's SmartCn analyser (Chinese word segmentation:
/// "高血压患者的饮食" → 高血压 / 患者 / 饮食). The index lives in memory and is rebuilt when the published set changes
/// (its stamp), which is cheap at the few hundred articles a hospital writes. A hit in the title weighs most, then a
/// listed disease, the specialty, the summary and the body; the whole query as a phrase weighs more than its words.</summary>
public sealed class ArticleSearchIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly (string Field, float Boost)[] Fields = [("title", 6f), ("diseases", 5f), ("specialty", 3f), ("summary", 2f), ("body", 1f)];
    private readonly Analyzer _analyzer = new SmartChineseAnalyzer(Version);
    private readonly System.Threading.Lock _gate = new();
    private string? _stamp;
    private DirectoryReader? _reader;

    public sealed record Hit(Guid Id, float Score);

    public bool IsCurrent(string stamp)
    {
        lock (_gate) return _stamp == stamp && _reader is not null;
    }

    public IReadOnlyList<Hit> Search(string query, int take = 50)
    {
        var terms = Tokens(query);
        if (terms.Count == 0) return [];
        lock (_gate)
        {
            if (_reader is null) return [];
            var searcher = new IndexSearcher(_reader);
            return searcher.Search(BuildQuery(terms), take).ScoreDocs
                .Select(d => new Hit(Guid.Parse(searcher.Doc(d.Doc).Get("id")), d.Score))
                .ToList();
        }
    }

    public IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        using var stream = _analyzer.GetTokenStream("q", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    private static Query BuildQuery(IReadOnlyList<string> terms)
    {
        var query = new BooleanQuery();
        foreach (var (field, boost) in Fields)
        {
            if (terms.Count > 1)
            {
                var phrase = new PhraseQuery { Boost = boost * 2 };
                foreach (var t in terms) phrase.Add(new Term(field, t));
                query.Add(phrase, Occur.SHOULD);
            }
            foreach (var t in terms.Distinct()) query.Add(new TermQuery(new Term(field, t)) { Boost = boost }, Occur.SHOULD);
        }
        return query;
    }

    public void Rebuild(IReadOnlyList<EducationArticle> articles, string stamp)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, _analyzer)))
        {
            foreach (var a in articles)
            {
                writer.AddDocument(new Document
                {
                    new StringField("id", a.Id.ToString(), Field.Store.YES),
                    new TextField("title", a.Title, Field.Store.NO),
                    new TextField("diseases", string.Join(' ', a.Diseases), Field.Store.NO),
                    new TextField("specialty", a.Specialty, Field.Store.NO),
                    new TextField("summary", a.Summary, Field.Store.NO),
                    new TextField("body", a.Body, Field.Store.NO),
                });
            }
        }
        lock (_gate)
        {
            _reader?.Dispose();
            _reader = DirectoryReader.Open(directory);
            _stamp = stamp;
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _analyzer.Dispose();
    }
}
