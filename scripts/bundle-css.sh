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
# silently left out. Comments and layout whitespace are for the sources and are not shipped.
set -eu
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
export LC_ALL=C
stray=$(find styles -name '*.css' | grep -v -e '^styles/[^/]*\.css$' -e '^styles/components/[^/]*\.css$' || true)
if [ -n "$stray" ]; then
  echo "bundle-css.sh: not shipped, outside styles/*.css and styles/components/*.css: $stray" >&2
  exit 1
fi
# A component's sheet is named after it: a sheet without its component is left over
# from a removed one, or named after something else.
for f in styles/components/*.css; do
  c=$(basename "$f" .css)
  [ -f "src/components/$c.rs" ] || { echo "bundle-css.sh: $f has no component src/components/$c.rs" >&2; exit 1; }
done
out=target/css/viewer.css
mkdir -p target/css
# Comments go; outside quoted strings, whitespace runs become one space (a line break
# between selector parts is a descendant combinator), and none is kept next to
# { } ; , > or after a colon, nor a ; before }. Inside strings every byte stays.
cat styles/*.css styles/components/*.css | perl -0777 -ne '
  s{/\*.*?\*/}{}gs;
  my @parts = split /("(?:[^"\\\n]|\\.)*"|\x27(?:[^\x27\\\n]|\\.)*\x27)/;
  for (my $i = 0; $i < @parts; $i += 2) {
    local $_ = $parts[$i];
    s/\s+/ /g; s/ ?([{};,>]) ?/$1/g; s/: /:/g; s/;\}/}/g;
    $parts[$i] = $_;
  }
  print join("", @parts), "\n";
' > "$out.tmp"
# Rewrite only on change, so an unchanged bundle keeps its mtime.
if cmp -s "$out.tmp" "$out" 2>/dev/null; then rm "$out.tmp"; else mv "$out.tmp" "$out"; fi
