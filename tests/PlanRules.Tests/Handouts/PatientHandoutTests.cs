using System.Globalization;
using System.Text.RegularExpressions;
using PlanRules.Cases;
using PlanRules.Handouts;
using PlanRules.Plans;
using Xunit.Abstractions;

namespace PlanRules.Tests.Handouts;

/// <summary>
/// The patient handout: plain language (Flesch–Kincaid grade of its prose at most 9, aiming at 8), every candidate
/// named, no external references, no patient identifiers, a red-flag plan sends the patient to urgent care, and the
/// committed examples under <c>docs/examples/</c>.
/// </summary>
public sealed class PatientHandoutTests(ITestOutputHelper output)
{
    /// <summary>The grade the prose of a typical plan's handout must not exceed.</summary>
    private const double MaxGrade = 9.0;

    private static readonly RuleSet Rules = RuleSet.LoadDefault();

    /// <summary>The three documented examples (docs/examples/cases) and typical plans of the clinical corpus.</summary>
    public static TheoryData<string> TypicalCases => new()
    {
        "docs/examples/cases/lumbar-radicular-apixaban.json",
        "docs/examples/cases/lumbar-axial-after-two-blocks.json",
        "docs/examples/cases/red-flag-cauda-equina.json",
        "src/PlanRules.Samples/cases/lumbar-radicular-apixaban.json",
        "tests/PlanRules.Tests/Corpus/epidural/esi-cervical-radicular-interlaminar-proposed.json",
        "tests/PlanRules.Tests/Corpus/epidural/esi-lumbar-neurogenic-claudication-interlaminar.json",
        "tests/PlanRules.Tests/Corpus/facet/facet-mbb-lumbar-axial-pain-proposed.json",
        "tests/PlanRules.Tests/Corpus/facet/facet-rfa-cervical-after-two-positive-blocks-recommended.json",
        "tests/PlanRules.Tests/Corpus/knee/genicular-rfa-after-block-50-percent-proposed.json",
        "tests/PlanRules.Tests/Corpus/sacroiliac/sij-therapeutic-after-diagnostic-75-percent-recommended.json",
        "tests/PlanRules.Tests/Corpus/neuromodulation/scs-trial-failed-back-surgery-proposed.json",
        "tests/PlanRules.Tests/Corpus/head/occipital-neuralgia-block-recommended.json",
        "tests/PlanRules.Tests/Corpus/myofascial/tpi-fibromyalgia-excluded.json",
        "tests/PlanRules.Tests/Corpus/sympathetic/sympathetic-stellate-crps-upper-limb-proposed.json",
    };

    [Theory]
    [MemberData(nameof(TypicalCases))]
    public void Handout_ForTypicalPlan_ReadsAtGradeNineOrBelow(string casePath)
    {
        var (patientCase, plan) = Plan(casePath);
        var prose = HandoutProse.FromMarkdown(PatientHandout.ToMarkdown(plan, patientCase, Rules));
        var (grade, words, sentences, syllables) = Readability.FleschKincaid(prose);
        output.WriteLine(FormattableString.Invariant($"{casePath}: grade {grade:0.0} ({words} words, {sentences} sentences, {syllables} syllables)"));
        Assert.True(grade <= MaxGrade, FormattableString.Invariant($"Flesch-Kincaid grade {grade:0.0} is above {MaxGrade} for {casePath}"));
    }

    [Theory]
    [MemberData(nameof(TypicalCases))]
    public void Handout_NamesEveryCandidate_InHtmlAndMarkdown(string casePath)
    {
        var (patientCase, plan) = Plan(casePath);
        var html = PatientHandout.ToHtml(plan, patientCase, Rules);
        var markdown = PatientHandout.ToMarkdown(plan, patientCase, Rules);
        foreach (var candidate in plan.Candidates)
        {
            Assert.Contains(candidate.Name, html, StringComparison.Ordinal);
            Assert.Contains(candidate.Name, markdown, StringComparison.Ordinal);
        }
        foreach (var excluded in plan.Excluded) Assert.Contains(excluded.Name, markdown, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TypicalCases))]
    public void Html_IsSelfContainedAndPrintable(string casePath)
    {
        var (patientCase, plan) = Plan(casePath);
        var html = PatientHandout.ToHtml(plan, patientCase, Rules);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        foreach (var external in new[] { "http:", "https:", "//", "src=", "href=", "<link", "<script", "@import", "url(", "<img", "<iframe" })
            Assert.DoesNotContain(external, html.Replace("<!DOCTYPE html>", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", PatientHandout.ToMarkdown(plan, patientCase, Rules), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Handout_CarriesNoPatientIdentifiers_OnlyTheCaseLabel()
    {
        var (patientCase, plan) = Plan("docs/examples/cases/lumbar-radicular-apixaban.json");
        var age = patientCase.Patient.AgeYears!.Value.ToString(CultureInfo.InvariantCulture);
        foreach (var text in new[] { PatientHandout.ToHtml(plan, patientCase, Rules), PatientHandout.ToMarkdown(plan, patientCase, Rules) })
        {
            Assert.Contains(patientCase.CaseId!, text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\b" + age + @"\b", text);                       // no age
            Assert.DoesNotMatch(@"(?i)\b(female|male|woman|man|years old)\b", text); // no sex, no age phrase
            Assert.DoesNotMatch(@"\b\d{4}-\d{2}-\d{2}\b", text);                   // no dates
            Assert.DoesNotMatch(@"(?i)\b(name|address|phone|e-mail|date of birth|mrn)\s*:", text);
        }
    }

    [Fact]
    public void Handout_WithoutCaseLabel_HasNoReference()
    {
        var (patientCase, plan) = Plan("docs/examples/cases/lumbar-radicular-apixaban.json");
        var html = PatientHandout.ToHtml(plan with { CaseId = null }, patientCase with { CaseId = null }, Rules);
        Assert.DoesNotContain("Plan reference", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Handout_ForRedFlagPlan_SaysToSeekUrgentCareFirst()
    {
        var (patientCase, plan) = Plan("docs/examples/cases/red-flag-cauda-equina.json");
        Assert.Empty(plan.Candidates);
        var html = PatientHandout.ToHtml(plan, patientCase, Rules);
        var markdown = PatientHandout.ToMarkdown(plan, patientCase, Rules);

        var alert = html.IndexOf("role=\"alert\"", StringComparison.Ordinal);
        Assert.True(alert > 0 && alert < html.IndexOf("<h2>", StringComparison.Ordinal), "the urgent box comes before every section");
        Assert.Contains("Get medical care now", html, StringComparison.Ordinal);
        Assert.Contains("emergency", markdown, StringComparison.Ordinal);
        Assert.Contains("no pain procedure is planned", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Your options side by side", markdown, StringComparison.Ordinal);
        Assert.Contains("need to be checked by a doctor first", markdown, StringComparison.Ordinal); // why the injections were ruled out
    }

    [Fact]
    public void Handout_OnBloodThinner_SaysToStopItWithThePrescriber()
    {
        var (patientCase, plan) = Plan("docs/examples/cases/lumbar-radicular-apixaban.json");
        var markdown = PatientHandout.ToMarkdown(plan, patientCase, Rules);

        Assert.Contains("## What must happen first", markdown, StringComparison.Ordinal);
        Assert.Contains("Stop taking apixaban for at least 3 days (72 hours) before the procedure", markdown, StringComparison.Ordinal);
        Assert.Contains("with the doctor who prescribes it", markdown, StringComparison.Ordinal);
        Assert.Contains("Do not stop it on your own", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Handout_RestatesGoals_AndExplainsFollowUpQuestions()
    {
        var (patientCase, plan) = Plan("docs/examples/cases/lumbar-axial-after-two-blocks.json");
        var markdown = PatientHandout.ToMarkdown(plan, patientCase, Rules);

        Assert.Contains("You want to use less opioid pain medicine.", markdown, StringComparison.Ordinal);
        Assert.Contains("You want to sleep better.", markdown, StringComparison.Ordinal);
        Assert.Contains("How bad is your pain, from 0 to 10?", markdown, StringComparison.Ordinal);
        Assert.Contains("Oswestry Disability Index", markdown, StringComparison.Ordinal);
        Assert.Contains("You had a test block 2 times, and the results point to this option.", markdown, StringComparison.Ordinal);
        Assert.Contains("Fits your goal of using fewer opioids", markdown, StringComparison.Ordinal); // candidate.Fit
    }

    [Fact]
    public void Handout_ExplainsTheMedicalWordsItUses()
    {
        var (patientCase, plan) = Plan("docs/examples/cases/lumbar-radicular-apixaban.json");
        var markdown = PatientHandout.ToMarkdown(plan, patientCase, Rules);
        var glossary = markdown[markdown.IndexOf("## Words to know", StringComparison.Ordinal)..];

        foreach (var term in new[] { "Epidural space", "Steroid", "Fluoroscopy", "Contrast (X-ray dye)", "Blood thinner", "Nerve root" })
            Assert.Contains("**" + term + ":**", glossary, StringComparison.Ordinal);
        Assert.DoesNotContain("Spinal cord stimulator", glossary, StringComparison.Ordinal); // only words the handout uses
    }

    [Fact]
    public void Handout_RulesOutInKindWords_WithoutClinicianMessages()
    {
        var (patientCase, plan) = Plan("tests/PlanRules.Tests/Corpus/myofascial/tpi-fibromyalgia-excluded.json");
        Assert.NotEmpty(plan.Excluded);
        var markdown = PatientHandout.ToMarkdown(plan, patientCase, Rules);

        Assert.Contains("## Options that are not right for you now", markdown, StringComparison.Ordinal);
        Assert.Contains("These shots do not help the kind of pain that comes with fibromyalgia.", markdown, StringComparison.Ordinal);
        foreach (var reason in plan.Excluded.SelectMany(x => x.Reasons)) Assert.DoesNotContain(reason.Message, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Handout_IsDeterministic()
    {
        var (patientCase, plan) = Plan("docs/examples/cases/lumbar-radicular-apixaban.json");
        Assert.Equal(PatientHandout.ToHtml(plan, patientCase, Rules), PatientHandout.ToHtml(plan, patientCase, Rules));
        Assert.Equal(PatientHandout.ToMarkdown(plan, patientCase, Rules), PatientHandout.ToMarkdown(plan, patientCase, Rules));
    }

    [Fact]
    public void Handout_EscapesText()
    {
        var (patientCase, plan) = Plan("docs/examples/cases/lumbar-radicular-apixaban.json");
        var html = PatientHandout.ToHtml(plan with { CaseId = "a<b>&\"c" }, patientCase, Rules);
        Assert.Contains("a&lt;b&gt;&amp;&quot;c", html, StringComparison.Ordinal);
    }

    /// <summary>The committed examples exist in both formats and read at grade 9 or below.</summary>
    [Theory]
    [InlineData("lumbar-radicular-apixaban")]
    [InlineData("lumbar-axial-after-two-blocks")]
    [InlineData("red-flag-cauda-equina")]
    public void CommittedExample_ExistsAndReadsAtGradeNineOrBelow(string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "docs", "examples");
        if (Environment.GetEnvironmentVariable("PLANRULES_WRITE_EXAMPLES") == "1")
        {
            var (c, p) = Plan("docs/examples/cases/" + name + ".json");
            File.WriteAllText(Path.Combine(folder, name + ".html"), PatientHandout.ToHtml(p, c, Rules));
            File.WriteAllText(Path.Combine(folder, name + ".md"), PatientHandout.ToMarkdown(p, c, Rules));
        }
        var markdown = File.ReadAllText(Path.Combine(folder, name + ".md"));
        Assert.True(File.Exists(Path.Combine(folder, name + ".html")));
        var (grade, words, sentences, _) = Readability.FleschKincaid(HandoutProse.FromMarkdown(markdown));
        output.WriteLine(FormattableString.Invariant($"{name}: grade {grade:0.0} ({words} words, {sentences} sentences)"));
        Assert.True(grade <= MaxGrade, FormattableString.Invariant($"grade {grade:0.0}"));
    }

    [Theory]
    [InlineData("the", 1)]
    [InlineData("pain", 1)]
    [InlineData("table", 2)]
    [InlineData("nerve", 1)]
    [InlineData("makes", 1)]
    [InlineData("needed", 2)]
    [InlineData("doctor", 2)]
    [InlineData("medicine", 3)]
    [InlineData("injection", 3)]
    [InlineData("procedure", 3)]
    [InlineData("syllable", 3)]
    [InlineData("readability", 5)]
    [InlineData("epidural", 4)]
    [InlineData("72", 2)]
    public void Syllables_AreCountedByVowelGroups(string word, int expected) => Assert.Equal(expected, Readability.Syllables(word));

    [Fact]
    public void FleschKincaid_OfSimpleAndHardText_OrdersThem()
    {
        var simple = Readability.FleschKincaid("The cat sat on the mat. It was a good cat.");
        var hard = Readability.FleschKincaid("Interventional procedures necessitate comprehensive multidisciplinary evaluation, particularly regarding anticoagulation management and contraindications.");
        Assert.True(simple.Grade < 3, simple.Grade.ToString(CultureInfo.InvariantCulture));
        Assert.True(hard.Grade > 16, hard.Grade.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2, simple.Sentences);
        Assert.Equal(11, simple.Words);
    }

    private static (PatientCase Case, TreatmentPlan Plan) Plan(string relativePath)
    {
        var read = PatientCase.FromJson(File.ReadAllText(Path.Combine(RepoPaths.Root, relativePath)), Rules.Vocabulary);
        Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics));
        return (read.Case!, new PlanRecommender(Rules).Recommend(read.Case!));
    }
}
