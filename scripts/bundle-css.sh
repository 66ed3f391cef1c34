#!/bin/sh
# Trunk pre_build hook: joins every stylesheet under styles/ into one file,
# target/css/viewer.css, which index.html links (and embed.js, through
# embed-manifest.json). One request instead of one per file: on HTTP/1.1 (six
# connections per host) separate stylesheets held the wasm back by a round trip
# (BENCHMARKS.md).
#
# Order, by glob, each in byte order of the file names:
#   1. styles/*.css             page-level: design tokens (variables), elements and the
#                               root (base), the page grid (layout), the embed host
#                               (embed), the reading tools outside the toolbar (reader)
#   2. styles/components/*.css  one file per component, named after
#                               src/components/<component>.rs
# The page-level files do not override one another (variables sets only custom
# properties), and each component styles its own classes; where a rule must follow
# another (a print override), both are in one file, the print rules last inside
# @media print. A stylesheet anywhere else under styles/ is an error, so none is
# silently left out. Comments are for the sources and are not shipped.
set -eu
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
export LC_ALL=C
stray=$(find styles -name '*.css' | grep -v -e '^styles/[^/]*\.css$' -e '^styles/components/[^/]*\.css$' || true)
if [ -n "$stray" ]; then
  echo "bundle-css.sh: not shipped, outside styles/*.css and styles/components/*.css: $stray" >&2
  exit 1
fi
out=target/css/viewer.css
mkdir -p target/css
cat styles/*.css styles/components/*.css | perl -0pe 's{/\*.*?\*/}{}gs; s/[ \t]+$//mg; s/\n{2,}/\n/g' > "$out.tmp"
# Rewrite only on change, so an unchanged bundle keeps its mtime.
if cmp -s "$out.tmp" "$out" 2>/dev/null; then rm "$out.tmp"; else mv "$out.tmp" "$out"; fi
