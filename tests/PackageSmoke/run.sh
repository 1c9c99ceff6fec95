#!/usr/bin/env bash
# Package smoke test: packs every package of the solution into a temporary folder feed, checks each package's contents
# and the package graph (PlanRules itself depends on NRules, Newtonsoft.Json and FastExpressionCompiler alone), then
#   1. restores and runs tests/PackageSmoke (a host outside the solution that references only PlanRules and
#      PlanRules.Hosting from that feed) and checks that it plans a case with the rule set embedded in the package;
#   2. extracts every C# block of README.md and of each package's README and compiles them against the packages.
#   tests/PackageSmoke/run.sh            exit 0 when everything holds; the last line says "PackageSmoke: passed"/"failed"
# All packages get one unique prerelease version (so no cached copy can stand in for them); that version is removed
# from the NuGet global packages folder afterwards.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version="0.2.0-smoke.$(date -u +%Y%m%dT%H%M%S).$$"
libraries=(PlanRules PlanRules.Hosting PlanRules.Authoring PlanRules.Testing PlanRules.Handouts PlanRules.Fhir)
tool=PlanRules.Cli
work="$(mktemp -d "${TMPDIR:-/tmp}/planrules-smoke.XXXXXX")"
packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
cleanup() {
  rm -rf "$work"
  if [ -n "$packages" ]; then
    for p in "${libraries[@]}" "$tool"; do rm -rf "${packages%/}/${p,,}/$version"; done
  fi
}
trap cleanup EXIT
fail() { echo "PackageSmoke: $*" >&2; echo "PackageSmoke: failed"; exit 1; }

echo "== pack every package as $version into a folder feed"
dotnet pack "$root/PlanRules.sln" -c Release -o "$work/feed" --artifacts-path "$work/build" -p:Version="$version" -nologo -v:q \
  || fail "dotnet pack failed"

echo "== check the packages"
for p in "${libraries[@]}" "$tool"; do
  nupkg="$work/feed/$p.$version.nupkg"
  [ -f "$nupkg" ] || fail "no $(basename "$nupkg")"
  [ -f "$work/feed/$p.$version.snupkg" ] || fail "no $p.$version.snupkg"
  listing="$(unzip -Z1 "$nupkg")"
  nuspec="$(unzip -p "$nupkg" "$p.nuspec")"
  grep -qx README.md <<<"$listing" || fail "$p lacks README.md"
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "the nuspec of $p lacks the MIT licence expression"
  grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "the nuspec of $p lacks the readme"
  if [ "$p" = "$tool" ]; then
    grep -q '<packageType name="DotnetTool"' <<<"$nuspec" || fail "$p is not a .NET tool package"
    deps="(a .NET tool: no dependencies)"
  else
    for entry in "lib/net10.0/$p.dll" "lib/net10.0/$p.xml"; do grep -qx "$entry" <<<"$listing" || fail "$p lacks $entry"; done
    deps="$(grep -o '<dependency id="[^"]*"' <<<"$nuspec" | sed 's/<dependency id="//; s/"$//' | LC_ALL=C sort | paste -sd' ' -)"
  fi
  printf '  %-20s -> %s\n' "$p" "${deps:-(none)}"
  if [ "$p" = PlanRules ]; then
    for entry in schemas/case.schema.json schemas/plan.schema.json docs/case-format.md docs/plan-format.md docs/vocabulary.md docs/clinical-policy.md docs/diagnostics.md; do
      grep -qx "$entry" <<<"$listing" || fail "PlanRules lacks $entry"
    done
    # NRules and Newtonsoft.Json, plus FastExpressionCompiler (NRules' expression compiler: ~1.3 s instead of ~10 s to
    # compile 5,000 rules; see benchmarks/README.md). Anything else is a defect.
    [ "$deps" = "FastExpressionCompiler NRules Newtonsoft.Json" ] \
      || fail "PlanRules must depend on NRules, Newtonsoft.Json and FastExpressionCompiler alone, not: $deps"
  fi
done

nuget_config() {
  cat > "$1/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="PlanRules" /><package pattern="PlanRules.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
}

echo "== restore PackageSmoke (PlanRules + PlanRules.Hosting) from the feed"
mkdir -p "$work/app"
cp "$here"/PackageSmoke.csproj "$here"/Program.cs "$here"/Directory.Build.props "$here"/Directory.Packages.props "$work/app/"
nuget_config "$work/app"
dotnet restore "$work/app/PackageSmoke.csproj" -p:PlanRulesVersion="$version" -nologo -v:q || fail "restore failed"

echo "== run PackageSmoke"
output="$(dotnet run --project "$work/app/PackageSmoke.csproj" --no-restore -c Release -p:PlanRulesVersion="$version" -- \
  "$root/src/PlanRules.Samples/cases/lumbar-radicular-apixaban.json" "$root/rules")" || { echo "$output"; fail "PackageSmoke exited with an error"; }
echo "$output"
grep -qx "package: PlanRules $version.*" <<<"$output" || fail "the app did not run on package version $version"
grep -Eqx 'sha256=[0-9a-f]{64}' <<<"$output" || fail "no rule-set hash in the output"
grep -qx 'embedded rule set equals .*: yes' <<<"$output" || fail "the packaged rule set differs from rules/"
grep -qx 'PackageSmoke: OK' <<<"$output" || fail "the app reported a failure"

echo "== compile every C# snippet of README.md and the package READMEs against the packages"
mkdir -p "$work/snippets"
cp "$here/Snippets/Snippets.csproj" "$here"/Directory.Build.props "$here"/Directory.Packages.props "$work/snippets/"
nuget_config "$work/snippets"
readmes=(README.md)
for p in "${libraries[@]}" "$tool"; do [ -f "$root/src/$p/README.md" ] && readmes+=("src/$p/README.md"); done
(cd "$root" && awk -v OUT="$work/snippets" -f "$here/extract-snippets.awk" "${readmes[@]}") || fail "snippet extraction failed"
if ! build="$(dotnet build "$work/snippets/Snippets.csproj" -c Release -p:PlanRulesVersion="$version" -nologo -v:q 2>&1)"; then
  # Name each failing snippet by its README and line (the first line of every generated file says where it came from).
  grep -E 'error' <<<"$build" | sed -E 's#^.*/(Snippet[0-9]+)\.cs\(([0-9]+),([0-9]+)\)#\1.cs(\2,\3)#' | sort -u | head -n 20 \
    | while read -r line; do f="${line%%.cs(*}"; echo "  $(head -n1 "$work/snippets/$f.cs" | sed 's#^// ##'): $line"; done
  fail "a README snippet does not compile"
fi
echo "  $(ls "$work/snippets"/Snippet*.cs | wc -l) snippets compile"
echo "PackageSmoke: passed"
