#!/bin/sh
# Trunk pre_build hook: joins styles/*.css into one stylesheet, target/css/viewer.css,
# which index.html links. One request instead of nine: on HTTP/1.1 (six connections per
# host) the nine stylesheets held the wasm back by a round trip (BENCHMARKS.md).
# The order is the cascade order; print.css is wrapped in @media print.
set -eu
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
out=target/css/viewer.css
mkdir -p target/css
{
  for f in variables base layout article article-list embed hardening reader; do
    printf '/* styles/%s.css */\n' "$f"
    cat "styles/$f.css"
    printf '\n'
  done
  for f in styles/components/*.css; do
    printf '/* %s */\n' "$f"
    cat "$f"
    printf '\n'
  done
  printf '/* styles/print.css */\n@media print {\n'
  cat styles/print.css
  printf '\n}\n'
} > "$out.tmp"
# Rewrite only on change, so an unchanged bundle keeps its mtime.
if cmp -s "$out.tmp" "$out" 2>/dev/null; then rm "$out.tmp"; else mv "$out.tmp" "$out"; fi
