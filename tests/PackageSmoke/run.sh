#!/usr/bin/env bash
# Package smoke test: packs PlanRules into a temporary folder feed, checks the package's contents, then restores and
# runs tests/PackageSmoke (a host outside the solution) from that feed plus nuget.org, and checks that it plans a case
# with the rule set embedded in the package, equal to the repository's rules/.
#   tests/PackageSmoke/run.sh            exit 0 when everything holds; the last line says "PackageSmoke: passed"/"failed"
# The package gets a unique prerelease version (so no cached copy can stand in for it); that version is removed from
# the NuGet global packages folder afterwards.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version="0.1.0-smoke.$(date +%Y%m%d%H%M%S).$$"
work="$(mktemp -d "${TMPDIR:-/tmp}/planrules-smoke.XXXXXX")"
packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
cleanup() {
  rm -rf "$work"
  [ -n "$packages" ] && rm -rf "${packages%/}/planrules/$version"
}
trap cleanup EXIT
fail() { echo "PackageSmoke: $*" >&2; echo "PackageSmoke: failed"; exit 1; }

echo "== pack PlanRules $version into a folder feed"
dotnet pack "$root/src/PlanRules/PlanRules.csproj" -c Release -o "$work/feed" --artifacts-path "$work/build" -p:Version="$version" -nologo -v:q \
  || fail "dotnet pack failed"
nupkg="$work/feed/PlanRules.$version.nupkg"
snupkg="$work/feed/PlanRules.$version.snupkg"
[ -f "$nupkg" ] || fail "no $(basename "$nupkg")"
[ -f "$snupkg" ] || fail "no $(basename "$snupkg")"

echo "== check the package"
listing="$(unzip -Z1 "$nupkg")"
for entry in README.md lib/net10.0/PlanRules.dll lib/net10.0/PlanRules.xml PlanRules.nuspec; do
  grep -qx "$entry" <<<"$listing" || fail "the package lacks $entry"
done
symbols="$(unzip -Z1 "$snupkg")"
grep -qx 'lib/net10.0/PlanRules.pdb' <<<"$symbols" || fail "the symbol package lacks lib/net10.0/PlanRules.pdb"
nuspec="$(unzip -p "$nupkg" PlanRules.nuspec)"
grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "the nuspec lacks the MIT licence expression"
grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "the nuspec lacks the readme"
grep -q '<repository type="git"' <<<"$nuspec" || fail "the nuspec lacks the repository (SourceLink)"

echo "== restore PackageSmoke from the feed"
mkdir -p "$work/app"
cp "$here"/PackageSmoke.csproj "$here"/Program.cs "$here"/Directory.Build.props "$here"/Directory.Packages.props "$work/app/"
cat > "$work/app/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="PlanRules" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
dotnet restore "$work/app/PackageSmoke.csproj" -p:PlanRulesVersion="$version" -nologo -v:q || fail "restore failed"

echo "== run PackageSmoke"
output="$(dotnet run --project "$work/app/PackageSmoke.csproj" --no-restore -c Release -p:PlanRulesVersion="$version" -- \
  "$root/src/PlanRules.Samples/cases/lumbar-radicular-apixaban.json" "$root/rules")" || { echo "$output"; fail "PackageSmoke exited with an error"; }
echo "$output"
grep -qx "package: PlanRules $version.*" <<<"$output" || fail "the app did not run on package version $version"
grep -Eqx 'sha256=[0-9a-f]{64}' <<<"$output" || fail "no rule-set hash in the output"
grep -qx 'embedded rule set equals .*: yes' <<<"$output" || fail "the packaged rule set differs from rules/"
grep -qx 'PackageSmoke: OK' <<<"$output" || fail "the app reported a failure"
echo "PackageSmoke: passed"
