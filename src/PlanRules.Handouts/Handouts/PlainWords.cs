using System.Globalization;
using System.Text.RegularExpressions;
using PlanRules.Cases;
using PlanRules.Plans;
using PlanRules.Rules;

namespace PlanRules.Handouts;

/// <summary>
/// The handout's phrasebook: plain-language sentences (aimed at an 8th-grade reading level) for the codes a plan
/// carries. The plan's own messages are written for clinicians; the handout never shows them, it shows these.
/// An unknown code falls back to a kind, general sentence that asks the patient to talk with their care team.
/// Stateless and thread-safe.
/// </summary>
internal static partial class PlainWords
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A number as a patient reads it: <c>7</c>, <c>7.5</c>.</summary>
    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", Invariant);

    /// <summary>A goal code (without <c>goal.</c>) restated in the patient's words.</summary>
    public static string Goal(string goal) => goal switch
    {
        "return_to_work" => "You want to get back to work.",
        "reduce_opioids" => "You want to use less opioid pain medicine.",
        "improve_sleep" => "You want to sleep better.",
        "walk_further" => "You want to be able to walk farther.",
        "avoid_implant" => "You do not want a device placed inside your body.",
        "avoid_steroids" => "You want to stay away from steroid medicine.",
        _ => "You told us about this goal: " + Humanize(goal) + ".",
    };

    /// <summary>A medication code (without <c>medication.</c>) as a patient names it.</summary>
    public static string Medicine(string code) => code switch
    {
        "heparin_iv" => "heparin given in a vein",
        "heparin_sc" => "heparin shots",
        "opioid" => "opioid pain medicine",
        _ => Humanize(code),
    };

    /// <summary>The patient's words for a candidate's kind, from its catalog tags.</summary>
    public static string Kind(Intervention? intervention)
    {
        var tags = intervention?.Tags ?? [];
        if (tags.Contains("implant")) return "A small device under the skin that sends mild signals to the nerves";
        if (tags.Contains("ablation")) return "Heat turns off small nerves that carry pain";
        if (tags.Contains("diagnostic")) return "A test with numbing medicine only";
        if (tags.Contains("steroid")) return "A shot of steroid and numbing medicine";
        return "A shot of numbing medicine";
    }

    /// <summary>How strongly the plan suggests a candidate, in plain words.</summary>
    public static string Strength(Candidate candidate) => candidate.Strength switch
    {
        "recommended" when candidate.Rank == 1 => "Best fit for you now",
        "recommended" => "A good fit",
        _ => "Another choice to think about",
    };

    /// <summary>A bleeding-risk category in plain words.</summary>
    public static string BleedingRisk(string category) => category switch
    {
        "low" => "Low",
        "intermediate" => "Medium",
        "high" => "High",
        _ => Humanize(category),
    };

    /// <summary>
    /// Plain sentences for the facts a candidate rule matched (<see cref="RuleCitation.Matched"/>): why the option
    /// fits this patient. Facts without a plain sentence (ages, labs, medicines) are left out.
    /// </summary>
    public static IEnumerable<string> Matched(string fact, FactValue value, IReadOnlyDictionary<string, FactValue> all, RuleSet rules)
    {
        var limb = all.TryGetValue("finding.pain.region", out var r) && r.WordValue == "cervical" ? "arm" : "leg";
        switch (fact)
        {
            case "finding.pain.region":
                yield return value.WordValue switch
                {
                    "lumbar" => "Your pain is mainly in your lower back.",
                    "cervical" => "Your pain is mainly in your neck.",
                    "thoracic" => "Your pain is mainly in the middle of your back.",
                    "sacroiliac" => "Your pain is mainly low in your back, near the hip, where the spine meets the pelvis.",
                    "knee" => "Your pain is mainly in your knee.",
                    "head" => "Your pain is mainly at the back of your head.",
                    "upper_limb" => "Your pain is mainly in your arm or hand.",
                    "lower_limb" => "Your pain is mainly in your leg or foot.",
                    _ => "Your pain is in many places.",
                };
                break;
            case "finding.pain.pattern":
                yield return value.WordValue switch
                {
                    "axial" => "The pain stays mostly in your spine. It does not shoot down a leg or arm.",
                    "radicular" => "The pain shoots down your " + limb + " along a nerve.",
                    "neurogenic_claudication" => "Your legs hurt or feel heavy when you walk, and it gets better when you sit or bend forward.",
                    "neuropathic" => "The pain comes from a nerve that is not working the right way.",
                    "joint" => "The pain comes from a joint.",
                    "myofascial" => "The pain comes from tight, sore knots in your muscles.",
                    "crps" => "You have a long-lasting pain problem called CRPS.",
                    "occipital_neuralgia" => "You have sharp, shooting pain from a nerve at the back of your head.",
                    _ => "Your pain has the kind of pattern this option treats.",
                };
                break;
            case "finding.pain.laterality":
                yield return value.WordValue == "bilateral" ? "The pain is on both sides." : "The pain is on your " + value.WordValue + " side.";
                break;
            case "finding.pain.duration_weeks":
                yield return "You have had this pain for " + Duration(value.NumberValue) + ".";
                break;
            case "finding.pain.nrs":
                yield return "Your pain is about " + Number(value.NumberValue) + " out of 10 on most days.";
                break;
            case "finding.function.odi":
            case "finding.function.ndi":
                yield return "The pain gets in the way of your daily life.";
                break;
            case "finding.conservative_care.weeks":
                yield return "You have already tried " + Duration(value.NumberValue) + " of other care, like exercise, physical therapy or medicine.";
                break;
            case "finding.imaging.concordant" when value.BooleanValue:
                yield return "Your scans show a problem in the place where you feel the pain.";
                break;
            case "finding.exam.neuro_deficit" when value.WordValue is "none" or "stable":
                yield return "Your nerve checks (strength, feeling and reflexes) are not getting worse.";
                break;
            case "finding.exam.si_provocation_positive":
                yield return Number(value.NumberValue) + " of the hands-on tests of the joint near your hip caused your usual pain.";
                break;
            case "finding.diagnosis.knee_osteoarthritis" when value.BooleanValue:
                yield return "You have wear-and-tear arthritis in your knee.";
                break;
            case "finding.diagnosis.failed_back_surgery" when value.BooleanValue:
                yield return "You still have pain after back surgery.";
                break;
            case "finding.diagnosis.crps_budapest" when value.BooleanValue:
                yield return "Your doctor found the signs of CRPS.";
                break;
            case "finding.diagnosis.herpes_zoster_acute" when value.BooleanValue:
                yield return "You have shingles right now.";
                break;
            case "finding.psych.evaluation_cleared" when value.BooleanValue:
                yield return "You met with a pain psychologist, and they agree this is a good next step.";
                break;
            default:
                if (fact.StartsWith("procedure.", StringComparison.Ordinal) && value.Type == FactType.Number && value.NumberValue >= 1)
                {
                    var code = fact["procedure.".Length..];
                    rules.Catalog.TryGet(code, out var earlier);
                    var times = value.NumberValue == 1 ? "once" : Number(value.NumberValue) + " times";
                    yield return earlier?.Tags.Contains("diagnostic") == true
                        ? "You had a test block " + times + ", and the results point to this option."
                        : "You had a similar treatment " + times + " before, and the results point to this option.";
                }
                break;
        }
    }

    /// <summary>A number of weeks as a patient says it: "10 weeks", "about 9 months", "about 2 years".</summary>
    public static string Duration(double weeks)
    {
        if (weeks < 1) return "less than a week";
        if (weeks < 26) return Number(weeks) + (weeks == 1 ? " week" : " weeks");
        if (weeks < 104) return "about " + Number(Math.Round(weeks / 4.345)) + " months";
        return "about " + Number(Math.Round(weeks / 52.18)) + " years";
    }

    /// <summary>A prerequisite (<c>hold.apixaban</c>, <c>check.inr</c>) as a plain step.</summary>
    public static string Prerequisite(Prerequisite prerequisite)
    {
        if (prerequisite.Code.StartsWith("hold.", StringComparison.Ordinal))
        {
            var medicine = Medicine(prerequisite.Code["hold.".Length..]);
            var hours = HoldHours(prerequisite.Message);
            var when = hours is null ? "for a short time before the procedure" : "for at least " + HoursText(hours.Value) + " before the procedure";
            return "Stop taking " + medicine + " " + when + ", to lower the risk of bleeding. Plan this with the doctor who prescribes it. Do not stop it on your own.";
        }
        return prerequisite.Code switch
        {
            "check.inr" => "Have a blood test (INR) on the day of the procedure, to make sure your blood clots the way it should.",
            _ => "Your care team will tell you about one more step to take before the procedure.",
        };
    }

    /// <summary>The number of hours in a prerequisite message ("at least 72 hours"), if any.</summary>
    public static double? HoldHours(string message)
    {
        var m = HoursPattern().Match(message);
        return m.Success ? double.Parse(m.Groups[1].Value, Invariant) : null;
    }

    /// <summary>Hours as a patient reads them: "3 days (72 hours)", "12 hours".</summary>
    public static string HoursText(double hours) =>
        hours >= 24 && hours % 24 == 0
            ? (hours == 24 ? "1 day (24 hours)" : Number(hours / 24) + " days (" + Number(hours) + " hours)")
            : Number(hours) + " hours";

    [GeneratedRegex(@"at least (\d+(?:\.\d+)?) hours")]
    private static partial Regex HoursPattern();

    /// <summary>A plan warning as a plain safety note.</summary>
    public static string Warning(PlanWarning warning)
    {
        var medicine = warning.About.FirstOrDefault(a => a.StartsWith("medication.", StringComparison.Ordinal)) is { } m
            ? Medicine(m["medication.".Length..])
            : "a blood thinner";
        return warning.Code switch
        {
            "antithrombotic.hold" => "You take " + medicine + ", which thins your blood. It must be stopped for a while before the procedure. Plan this with the doctor who prescribes it.",
            "antithrombotic.shared_assessment" => "You take " + medicine + ", which thins your blood. Your pain doctor and the doctor who prescribes it will decide together if you should stop it first.",
            "antithrombotic.inr_not_normal" => "Your blood test (INR) shows your blood is still thinner than normal. It must be back to normal before the procedure.",
            "allergy.contrast" => "You are allergic to X-ray dye. Your doctor will find another way to check where the needle goes, or take steps to keep you safe.",
            "allergy.local_anesthetic" => "You have had a reaction to numbing medicine. Your doctor must look at this before any procedure that uses it.",
            "bleeding.coagulopathy" => "You have a health problem that makes you bleed more easily. Your doctor must look at this before the procedure.",
            "lab.platelets_low" => "Your blood test shows few platelets, the cells that help blood clot. This must be checked before the procedure.",
            "lab.inr_high" => "Your blood test (INR) shows your blood clots more slowly than normal. This must be checked before the procedure.",
            "device.cardiac_rfa" => "You have a heart device, like a pacemaker. Your heart team will help plan the heat treatment to keep the device safe.",
            "device.cardiac_scs" => "You have a heart device, like a pacemaker. Your heart team must check that a spinal cord stimulator is safe with it.",
            "device.scs_rfa" => "You have a spinal cord stimulator. Your doctor will plan the heat treatment so it does not harm the device.",
            "diabetes.steroid_glucose" => "You have diabetes. The steroid can raise your blood sugar for about 2 days. Check your sugar more often, and know who to call if it runs high.",
            "diabetes.steroid_glucose_hba1c" => "Your recent blood sugar test (HbA1c) is high. Your sugar may go up more after the steroid. It may help to get your sugar under better control first.",
            "steroid.bone_density" => "You have thin bones (osteoporosis). Steroid shots add up over time and can weaken bones more, so your doctor will count your past shots and use the smallest dose that helps.",
            "immunosuppression.steroid" => "Your body is less able to fight germs than usual. The steroid can lower this a bit more, so your doctor will weigh this with you.",
            "pregnancy.imaging" => "You are or may be pregnant. X-ray pictures and some medicines can harm a baby, so your doctor must talk with you before any procedure.",
            "scs.failed_trial" => "A past test of a spinal cord stimulator did not help enough. A team of experts will look at your case before another test.",
            _ when warning.Code.StartsWith("coverage.", StringComparison.Ordinal) => "Your health plan may need to approve this treatment first. Your care team can help you check.",
            _ => "Your care team has a safety note about this option. Please ask them to explain it.",
        };
    }

    /// <summary>An exclusion reason in kind words. <paramref name="rule"/> is the rule that raised it, when the rule set has it.</summary>
    public static string Exclusion(ExclusionReason reason, Rule? rule, RuleSet rules)
    {
        if (rule?.Kind == RuleKind.Referral)
            return "Some of your symptoms need to be checked by a doctor first. No procedure is planned until then.";
        var window = rules.Parameters.TryGetValue("cap.window_weeks", out var w) ? w.Value : 52;
        return rule?.Code switch
        {
            "preference.avoid_implant" => "You told us you do not want a device placed in your body. We respect that.",
            "preference.avoid_steroids" => "You told us you want to stay away from steroid medicine. We respect that.",
            "allergy.corticosteroid" => "You are allergic to steroid medicine, so this shot would not be safe for you.",
            "bleeding.coagulopathy" => "You have a health problem that makes you bleed easily. This procedure has a higher risk of bleeding, so it is not safe for you right now.",
            "diagnostic.negative_block" => "An earlier test block did not ease your pain enough. This means the pain likely comes from somewhere else, so this would not help.",
            "facet.fused_level" => "The part of your spine that hurts was joined together (fused) by surgery, so this treatment cannot work there.",
            "immunosuppression.implant" => "Your body is less able to fight germs than usual, so a device inside your body has too high a risk of infection.",
            "infection.local" => "There is an infection where the needle would go. It needs to heal first.",
            "infection.systemic" => "You have an infection in your body right now. It needs to be treated first.",
            "psych.substance_use" => "A device is not offered while a problem with drugs or alcohol is being treated. Getting help for that comes first, and help is there for you.",
            "psych.untreated_disorder" => "A device works best when your mood and mental health are well cared for. Getting that care comes first.",
            "repeat.insufficient_relief" => "The last time you had this, it did not help enough or for long enough. Doing it again is not likely to help.",
            "repeat.session_cap" => "You have already had as many of these as are safe in " + Duration(window) + ".",
            "scs.failed_trial" => "A test of this device did not ease your pain enough, so a permanent one is not likely to help.",
            "tpi.fibromyalgia" => "These shots do not help the kind of pain that comes with fibromyalgia.",
            _ => "Your care team found a reason this option is not right for you now. Please ask them about it.",
        };
    }

    /// <summary>A fact that is still unknown, as something the care team will ask about.</summary>
    public static string Missing(string fact, RuleSet rules)
    {
        switch (fact)
        {
            case "patient.pregnant": return "Whether you are or might be pregnant.";
            case "finding.redflag.cauda_equina": return "Whether you have new trouble with your bladder or bowels, numbness between your legs, or weakness in both legs.";
            case "lab.inr": return "A blood test that shows how well your blood clots (INR).";
            case "lab.platelets": return "A blood test that counts your platelets, the cells that help blood clot.";
            case "lab.hba1c": return "A blood sugar test (HbA1c).";
            case "finding.imaging.concordant": return "Whether your scans show a problem in the place where you feel the pain.";
            case "finding.pain.nrs": return "How bad your pain is, from 0 to 10.";
            case "history.conditions": return "Your other health problems.";
            case "history.medications": return "All the medicines you take, and when you last took them.";
            case "history.allergies": return "Whether you have any allergies to medicines or other things.";
            case "history.devices": return "Whether you have a device inside your body, like a pacemaker or a nerve stimulator.";
            case "history.procedures": return "The pain treatments you have had before, and how well they worked.";
        }
        var dot = fact.IndexOf('.', StringComparison.Ordinal);
        var section = dot > 0 ? fact[..dot] : fact;
        var code = dot > 0 ? fact[(dot + 1)..] : fact;
        switch (section)
        {
            case "medication": return "Whether you take " + Medicine(code) + ", and when you last took it.";
            case "allergy": return "Whether you have any allergies to medicines or other things.";
            case "device": return "Whether you have a device inside your body, like a pacemaker or a nerve stimulator.";
            case "procedure": return "Whether you have had this kind of treatment before, and how well it worked.";
            case "condition": return "More about your health history.";
        }
        return rules.Vocabulary.TryGetFact(fact, out var d) ? "More about this: " + d.Label.ToLowerInvariant() + "." : "A few more details about your health.";
    }

    /// <summary>The plain name of a companion (physical therapy, home exercise, pain coping skills).</summary>
    public static string Companion(Companion companion) => companion.Code switch
    {
        "psych.pain_cbt" => "Pain coping skills",
        _ => companion.Name,
    };

    /// <summary>A code with dots and underscores read as words: <c>reduce_opioids</c> → "reduce opioids".</summary>
    public static string Humanize(string code) => code.Replace('_', ' ').Replace('.', ' ');
}
