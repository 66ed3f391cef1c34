#!/bin/sh
# Trunk post_build hook: writes embed-manifest.json beside index.html, naming the
# hashed files embed.js loads: {"js": …, "wasm": …, "css": [… in index.html order],
# "print": [… the media="print" ones, which must not apply on screen]}.
set -eu
cd "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
js=$(ls article-viewer-*.js | head -n 1)
wasm=$(ls article-viewer-*_bg.wasm | head -n 1)
links=$(grep -o '<link[^>]*\.css"[^>]*>' index.html)
names() { grep -o 'href="[^"]*\.css"' | sed -e 's/^href="//' -e 's/"$//' -e 's|^.*/||' -e 's/.*/"&"/' | paste -sd, -; }
css=$(printf '%s\n' "$links" | grep -v 'media="print"' | names)
print=$(printf '%s\n' "$links" | grep 'media="print"' | names || true)
printf '{"js":"%s","wasm":"%s","css":[%s],"print":[%s]}\n' "$js" "$wasm" "$css" "$print" > embed-manifest.json
