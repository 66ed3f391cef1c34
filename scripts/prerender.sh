#!/bin/sh
# Trunk pre_build hook: renders the viewer's page for the embedded default article
# natively, with the same Yew components (src/bin/prerender.rs), into
# target/prerender/page.html, which index.html inlines. A reader sees the article as
# soon as the HTML and the stylesheet are in, not after the wasm (BENCHMARKS.md); the
# app replaces it with the identical live page when it starts.
set -eu
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
out=target/prerender/page.html
mkdir -p target/prerender
# Natively. Built for wasm (a `[build] target` in a cargo config) the binary prints
# nothing: then say so, never ship the page without it silently.
cargo run --quiet --bin prerender > "$out.tmp"
if ! grep -q 'id="av-prerender"' "$out.tmp"; then
  echo "scripts/prerender.sh: the prerender binary printed no page (was it built for the host?)" >&2
  exit 1
fi
if cmp -s "$out.tmp" "$out" 2>/dev/null; then rm "$out.tmp"; else mv "$out.tmp" "$out"; fi
