#!/usr/bin/env python3
"""Writes docs/vocabulary.md from rules/vocabulary.json and rules/catalog.json.

Run from the repository root:  python3 docs/tools/vocabulary_md.py > docs/vocabulary.md
The test tests/PlanRules.Tests/Docs/VocabularyDocTests.cs fails when a code of either file is missing from the doc.
"""
import json
import sys

vocabulary = json.load(open("rules/vocabulary.json", encoding="utf-8"))
catalog = json.load(open("rules/catalog.json", encoding="utf-8"))
out = []
w = out.append

def cell(text):
    return (text or "").replace("|", "\\|").replace("\n", " ")

def case_key(fact):
    section, code = fact.split(".", 1)
    return {
        "patient": f'`patient.{code}`',
        "finding": f'`findings` → `"{code}"`',
        "lab": f'`labs` → `"{code}"`',
        "condition": f'`history.conditions` → `"{code}"`',
        "medication": f'`history.medications[]` → `{{ "code": "{code}" }}`',
        "allergy": f'`history.allergies` → `"{code}"`',
        "device": f'`history.devices` → `"{code}"`',
        "goal": f'`goals` → `"{code}"`',
    }[section]

LIST_SECTIONS = {"condition", "medication", "allergy", "device", "goal"}

def values(f, name=""):
    t = f["type"]
    if name.split(".", 1)[0] in LIST_SECTIONS:
        return "listed (`true`) or not (`false`)"
    if t == "word":
        return "one of " + ", ".join(f"`{x}`" for x in f["words"])
    if t == "number":
        unit = f" {f['unit']}" if f.get("unit") and f["unit"] != f"{f.get('min')}-{f.get('max')}" else ""
        rng = f" ({f['min']}–{f['max']}{unit})" if "min" in f else (f" ({unit.strip()})" if unit else "")
        return "number" + rng
    return "`true` / `false`"

SECTIONS = [
    ("patient", "Patient", "Who the patient is. Written in the case's `patient` object."),
    ("finding", "Findings", "What the evaluation found. Written in the case's `findings` map, without the `finding.` prefix."),
    ("lab", "Laboratory values", "Written in the case's `labs` map, without the `lab.` prefix."),
    ("condition", "Conditions", "Entries of `history.conditions`. A rule asks whether the entry is present; an absent list is unknown, an empty list a known \"none\"."),
    ("medication", "Medications", "Entries of `history.medications`, each an object with `code` and the attributes below where known."),
    ("allergy", "Allergies", "Entries of `history.allergies`."),
    ("device", "Implanted devices", "Entries of `history.devices`."),
    ("goal", "Goals", "Entries of `goals`: what the patient wants. `avoid_*` goals are absolute preferences; the others shape ranking and explanations."),
]

w("# Fact vocabulary of the shipped rule set")
w("")
w("<!-- Generated from rules/vocabulary.json and rules/catalog.json by docs/tools/vocabulary_md.py; "
  "edit those files (or the generator's prose) and regenerate. A test fails when a code is missing here. -->")
w("")
w("Every fact a case may carry and a rule may read, with its type, unit, range or allowed words. The vocabulary "
  "belongs to the rule set (`rules/vocabulary.json`): a host that ships its own rule set may have another one, and "
  "the case reader checks a case against the vocabulary of the rule set that plans it (unknown codes are PR4004, "
  "words that are not allowed PR4005, values out of range PR4006).")
w("")
w("A fact is named `<section>.<code>` in rules, plans and expectations (`finding.pain.nrs`, `medication.apixaban`); "
  "in a case the section is given by where the value is written (`\"findings\": { \"pain.nrs\": 7 }`). "
  "See [the case format](case-format.md) for the shape of a case and [the rule-authoring guide](rule-authoring.md) "
  "for how rules read facts.")
w("")
w("**Absent means unknown.** Leave out what was not assessed; never write `false` or `0` for \"not asked\". "
  "A *screening* fact (marked ✓ below) is listed in every plan's `screening` when the case records it, and asked "
  "for with purpose `screening` when a rule needs it.")
w("")
w("Contents: " + " · ".join(f"[{title}](#{title.lower().replace(' ', '-')})" for _, title, _ in SECTIONS)
  + " · [Entry attributes](#entry-attributes) · [Interventions](#interventions) · [Tags](#tags) · "
  "[Companions](#companions) · [Referrals](#referrals)")
w("")

facts = vocabulary["facts"]
for section, title, intro in SECTIONS:
    w(f"## {title}")
    w("")
    w(intro)
    w("")
    w("| fact | in a case | values | screening | meaning |")
    w("|---|---|---|---|---|")
    for name, f in facts.items():
        if name.split(".", 1)[0] != section:
            continue
        meaning = f["label"]
        if f.get("description"):
            meaning += ". " + f["description"]
        if f.get("codes"):
            meaning += " (" + "; ".join(f"{k} {v}" for k, v in f["codes"].items()) + ")"
        w(f"| `{name}` | {case_key(name)} | {values(f, name)} | {'✓' if f.get('screening') else ''} | {cell(meaning)} |")
    w("")

w("## Entry attributes")
w("")
w("Medication and procedure entries carry attributes. Rules read them in a `where` (see the rule-authoring guide). "
  "An attribute that is not recorded is unknown: an entry with an unknown attribute *may* match.")
w("")
w("| list | attribute | values | meaning |")
w("|---|---|---|---|")
for section, attributes in vocabulary["attributes"].items():
    for name, a in attributes.items():
        meaning = a["label"] + (". " + a["description"] if a.get("description") else "")
        w(f"| `{section}` | `{name}` | {values(a)} | {cell(meaning)} |")
w("")
w("Earlier procedures (`history.procedures[]`) use the intervention codes of the catalog below; in rules they are "
  "the facts `procedure.<code>` (e.g. `procedure.mbb.lumbar`) and need no vocabulary entry.")
w("")

w("## Interventions")
w("")
w("The catalog's interventions (`rules/catalog.json`): what a plan may propose, and what a case may list as an "
  "earlier procedure. The bleeding-risk category drives the antithrombotic rules; tags let rules select groups.")
w("")
w("| code | name | bleeding risk | tags | notes |")
w("|---|---|---|---|---|")
for code, i in catalog["interventions"].items():
    tags = ", ".join(f"`{t}`" for t in i.get("tags", []))
    w(f"| `{code}` | {cell(i['name'])} | {i['bleedingRisk']} | {tags} | {cell(i.get('description', ''))} |")
w("")
w("## Tags")
w("")
w("| tag | meaning |")
w("|---|---|")
for tag, text in catalog["tags"].items():
    w(f"| `{tag}` | {cell(text)} |")
w("")
w("## Companions")
w("")
w("Non-interventional parts of a plan, kept when a candidate they apply to remains.")
w("")
w("| code | name |")
w("|---|---|")
for code, c in catalog["companions"].items():
    w(f"| `{code}` | {cell(c['name'])} |")
w("")
w("## Referrals")
w("")
w("| code | name |")
w("|---|---|")
for code, r in catalog["referrals"].items():
    w(f"| `{code}` | {cell(r['name'])} |")
w("")
sys.stdout.write("\n".join(out))
