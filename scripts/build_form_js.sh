#!/usr/bin/env bash
# Rebuild resources/forms/age-seal.min.js (the age encryption a form page runs in the
# browser) from the locked npm packages, and check it is byte for byte the committed one.
#
# Maintainers only (the app and CI read the committed bundle; nothing runs npm at run time).
# Needs node and npm. The inputs are pinned beside this script: scripts/form-js/package.json
# names typage (npm `age-encryption`, by age's author) and esbuild at exact versions, and
# scripts/form-js/package-lock.json pins every package under them (their @noble/@scure
# dependencies, nested copies included) with its registry integrity hash; `npm ci` installs
# exactly that tree or fails. The bundle's SHA-256 is recorded in
# resources/forms/age-seal.min.js.sha256 (tests/forms/test_form_js_pinned.py holds the
# committed bundle to it).
#
#   scripts/build_form_js.sh           rebuild in a temporary folder and compare: exit 0 and
#                                      "identical" when the rebuild matches the recorded
#                                      SHA-256, exit 1 otherwise; writes nothing in the repo.
#   scripts/build_form_js.sh --update  after a deliberate change of versions (edit
#                                      package.json, run `npm install --package-lock-only` in
#                                      scripts/form-js): rebuild, then write the bundle, its
#                                      SHA-256, VERSIONS.txt and LICENSES.txt. Run the form
#                                      tests (tests/forms, headless Chromium) before committing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode="${1:-check}"
case "$mode" in check|--check) mode=check ;; --update) mode=update ;;
  *) echo "usage: $0 [--check|--update]" >&2; exit 2 ;; esac
out="resources/forms"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp scripts/form-js/package.json scripts/form-js/package-lock.json "$work/"
cp resources/forms/seal-entry.js "$work/entry.js"
(
  cd "$work"
  npm ci --no-audit --no-fund >/dev/null
  esbuild_version="$(node -p "require('./node_modules/esbuild/package.json').version")"
  # es2020: BigInt, which @noble/curves needs; every browser a phone has had since 2020.
  node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --global-name=DLXHAge --target=es2020 \
    --legal-comments=none --log-level=warning --outfile=age-seal.min.js
  # Every package bundled: the lockfile's entries other than esbuild and its binaries.
  node -e '
    const lock = require("./package-lock.json").packages;
    for (const [path, p] of Object.entries(lock)) {
      if (!path || path.includes("esbuild")) continue;
      console.log(path.replace(/^node_modules\//, "") + "\t" + p.version + "\t" + (p.license || "?"));
    }' > bundled.tsv
  {
    echo "Bundled into age-seal.min.js by scripts/build_form_js.sh (esbuild $esbuild_version),"
    echo "from scripts/form-js/package-lock.json:"
    awk -F'\t' '{ n = split($1, part, "/node_modules/"); by = (n > 1) ? ", the copy " part[n - 1] " needs" : "";
                   print part[n] " " $2 " (" $3 ")" by }' bundled.tsv
  } > VERSIONS.txt
  cut -f1 bundled.tsv | while read -r path; do
    { echo "== ${path} =="; cat "node_modules/$path/LICENSE"*; echo; } >> LICENSES.txt
  done
  sha256sum age-seal.min.js > age-seal.min.js.sha256
)
built="$(cut -d' ' -f1 "$work/age-seal.min.js.sha256")"
if [ "$mode" = update ]; then
  cp "$work/age-seal.min.js" "$work/age-seal.min.js.sha256" "$work/VERSIONS.txt" "$work/LICENSES.txt" "$out/"
  echo "$out/age-seal.min.js: $(wc -c < "$out/age-seal.min.js") bytes, sha256 $built (written)"
  exit 0
fi
recorded="$(cut -d' ' -f1 "$out/age-seal.min.js.sha256")"
committed="$(sha256sum "$out/age-seal.min.js" | cut -d' ' -f1)"
if [ "$built" = "$recorded" ] && [ "$committed" = "$recorded" ]; then
  echo "identical: the rebuild's sha256 $built is the recorded and committed bundle's"
  exit 0
fi
echo "DIFFERENT: rebuilt $built, recorded $recorded, committed file $committed" >&2
echo "(a changed lockfile or entry needs --update and the form tests; otherwise the bundle was edited by hand)" >&2
exit 1
