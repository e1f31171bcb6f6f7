using Rubric.Report;

// ./platform rubric: which rubric ids have passing acceptance tests, and the score they add up to.
var options = ReportOptions.Parse(args);
var rubric = RubricTable.Load(options.RubricPath);
var tagged = TaggedTests.Read(options.AssemblyPath);
var outcomes = TrxOutcomes.Read(options.TrxPath);
var report = new Scorecard(rubric, tagged, outcomes);
report.Print(Console.Out);
return 0;
