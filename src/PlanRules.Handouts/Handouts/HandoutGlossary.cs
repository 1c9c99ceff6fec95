using System.Text.RegularExpressions;

namespace PlanRules.Handouts;

/// <summary>
/// Short, plain meanings of the medical words a handout cannot avoid. A term is listed only when it appears in the
/// handout's text. Stateless and thread-safe.
/// </summary>
internal static class HandoutGlossary
{
    /// <summary>Each term, the words that show it is used (whole words, any case), and its meaning.</summary>
    private static readonly (string Term, string[] Forms, string Meaning)[] Entries =
    [
        ("Blood thinner", ["blood thinner", "thins your blood", "anticoagulant"], "A medicine that makes your blood clot more slowly. It helps prevent strokes and clots, but it can make you bleed more."),
        ("Cauda equina", ["cauda equina"], "The bundle of nerves at the bottom of the spine. They control your legs, bladder and bowels."),
        ("Contrast (X-ray dye)", ["contrast", "x-ray dye"], "A liquid that shows up on X-ray pictures. It helps the doctor see where the medicine goes."),
        ("CRPS", ["crps", "complex regional pain syndrome"], "Complex regional pain syndrome: strong, long-lasting pain in an arm or leg, often with swelling and changes in skin color."),
        ("Epidural space", ["epidural"], "The space around the spinal nerves, inside the spine. Medicine placed there can calm irritated nerves."),
        ("Facet joints", ["facet"], "Small joints that link the bones of the spine. They can wear down and cause back or neck pain."),
        ("Fluoroscopy", ["fluoroscopy"], "Live X-ray pictures on a screen. They help the doctor guide the needle to the right spot."),
        ("Genicular nerves", ["genicular"], "Small nerves that carry pain signals from the knee."),
        ("HbA1c", ["hba1c"], "A blood test that shows your average blood sugar over the last 2 to 3 months."),
        ("INR", ["inr"], "A blood test that shows how fast your blood clots."),
        ("Medial branch nerves", ["medial branch"], "Small nerves that carry pain signals from the facet joints of the spine."),
        ("Nerve root", ["nerve root", "spinal nerves"], "The part of a nerve where it leaves the spine. When it is pinched or swollen, pain can shoot down an arm or leg."),
        ("Neurogenic claudication", ["neurogenic claudication"], "Leg pain or heaviness when you walk, caused by a narrow space around the nerves in the lower back."),
        ("Numbing medicine", ["numbing medicine", "local anesthetic", "local anaesthetic"], "Medicine that blocks feeling in one small area for a few hours."),
        ("Opioid", ["opioid", "opioids"], "A strong pain medicine, like oxycodone or morphine. It can cause side effects and dependence."),
        ("Oswestry Disability Index", ["oswestry"], "A short form with 10 questions about how back pain affects your daily life."),
        ("Neck Disability Index", ["neck disability index"], "A short form with 10 questions about how neck pain affects your daily life."),
        ("Physical therapy", ["physical therapy", "physical therapist"], "Exercise and hands-on care with a trained therapist to help you move better and get stronger."),
        ("Platelets", ["platelets"], "Tiny blood cells that help your blood clot."),
        ("Radiofrequency ablation", ["radiofrequency", "ablation", "rfa"], "A treatment that uses heat from a needle tip to turn off a small pain nerve for months."),
        ("Radicular pain (sciatica)", ["radicular", "sciatica"], "Pain that shoots down an arm or leg because a nerve root in the spine is pinched or irritated."),
        ("Sacroiliac (SI) joint", ["sacroiliac", "si joint"], "The joint where the spine meets the pelvis, low in the back near the hip."),
        ("Spinal cord stimulator", ["spinal cord stimulator", "stimulator", "stimulation"], "A small device placed under the skin. It sends mild electric signals to the spine to change how pain feels."),
        ("Steroid", ["steroid", "steroids", "corticosteroid"], "A strong medicine that calms swelling. It is not the same as the steroids some athletes misuse."),
        ("Sympathetic nerves", ["sympathetic", "stellate"], "Nerves that control things like blood flow and sweating. In some pain problems they keep the pain going."),
        ("Test block", ["test block", "diagnostic block", "medial branch block"], "A shot of numbing medicine only. If your pain eases for a few hours, it shows where the pain comes from."),
        ("Trigger point", ["trigger point"], "A tight, sore knot in a muscle that can send pain to other areas."),
    ];

    /// <summary>The terms (with meanings) that occur in <paramref name="text"/>, in alphabetical order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> For(string text)
    {
        var found = new List<KeyValuePair<string, string>>();
        foreach (var (term, forms, meaning) in Entries)
        {
            if (forms.Any(f => Regex.IsMatch(text, @"(?<![\w-])" + Regex.Escape(f) + @"(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)))
                found.Add(new(term, meaning));
        }
        return found.OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
