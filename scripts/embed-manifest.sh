#!/bin/sh
# Trunk post_build hook: writes embed-manifest.json beside index.html, naming the
# hashed files embed.js loads: {"js": …, "wasm": …, "css": [… in index.html order]}.
# Print rules travel inside the stylesheets (@media print), so every one applies.
set -eu
cd "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
js=$(ls article-viewer-*.js | head -n 1)
wasm=$(ls article-viewer-*_bg.wasm | head -n 1)
css=$(grep -o '<link[^>]*\.css"[^>]*>' index.html | grep -o 'href="[^"]*\.css"' \
  | sed -e 's/^href="//' -e 's/"$//' -e 's|^.*/||' -e 's/.*/"&"/' | paste -sd, -)
printf '{"js":"%s","wasm":"%s","css":[%s]}\n' "$js" "$wasm" "$css" > embed-manifest.json
