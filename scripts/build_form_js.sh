#!/usr/bin/env bash
# Rebuild resources/forms/age-seal.min.js: the age encryption a form page runs in the browser.
#
# Maintainers only (the app and CI read the committed bundle; nothing runs npm at run time):
# installs the pinned npm packages into a temporary folder, bundles typage (npm
# `age-encryption`, by age's author) with its @noble/@scure dependencies into one minified
# IIFE with esbuild, and copies their licences next to it. Needs node and npm.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
AGE_VERSION=0.3.1
ESBUILD_VERSION=0.28.2
out="resources/forms"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp resources/forms/seal-entry.js "$work/entry.js"
(
  cd "$work"
  npm init -y >/dev/null
  npm install --no-audit --no-fund --save-exact "age-encryption@$AGE_VERSION" "esbuild@$ESBUILD_VERSION" >/dev/null
  # es2020: BigInt, which @noble/curves needs; every browser a phone has had since 2020.
  node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --global-name=DLXHAge --target=es2020 \
    --legal-comments=none --outfile=age-seal.min.js
  {
    echo "Bundled into age-seal.min.js by scripts/build_form_js.sh (esbuild $ESBUILD_VERSION):"
    for pkg in age-encryption @noble/ciphers @noble/curves @noble/hashes @noble/post-quantum @scure/base; do
      node -e "const p=require('./node_modules/$pkg/package.json');console.log(p.name+' '+p.version+' ('+p.license+')')"
    done
  } > VERSIONS.txt
  for pkg in age-encryption @noble/ciphers @noble/curves @noble/hashes @noble/post-quantum @scure/base; do
    { echo "== $pkg =="; cat "node_modules/$pkg/LICENSE"*; echo; } >> LICENSES.txt
  done
)
cp "$work/age-seal.min.js" "$work/VERSIONS.txt" "$work/LICENSES.txt" "$out/"
echo "$out/age-seal.min.js: $(wc -c < "$out/age-seal.min.js") bytes"
