#!/bin/sh
# Trunk pre_build hook: the two scripts that run before the wasm (assets/theme-init.js,
# assets/loader.js) as shipped: without their whole-line `//` comments and without
# indentation, into target/js/, which index.html links. The comments are for the
# sources; shipped, they were half of each file's brotli bytes (BENCHMARKS.md, Bundle).
# Only whole-line comments go; the shapes where such a line could be text (a template
# literal spanning lines, a block comment, a line continued with a backslash) are refused.
set -eu
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
mkdir -p target/js
for name in theme-init loader; do
  src="assets/$name.js"
  out="target/js/$name.js"
  # Refused, where a whole-line "//" may not be a comment: a template literal spanning
  # lines, a block comment (its end could be on such a line), a line continued with "\".
  if grep -v '^[[:space:]]*//' "$src" | awk '{ n += gsub(/`/, "") } n % 2 { exit 1 }'; then :; else
    echo "bundle-js.sh: $src: a template literal spans lines; whole-line comments cannot be stripped safely" >&2
    exit 1
  fi
  if grep -n -e '/\*' -e '\\$' "$src" >&2; then
    echo "bundle-js.sh: $src: a block comment or a line ending in a backslash (above); whole-line comments cannot be stripped safely" >&2
    exit 1
  fi
  grep -v '^[[:space:]]*//' "$src" | sed 's/^[[:space:]]*//' | grep -v '^$' > "$out.tmp"
  # Rewrite only on change, so an unchanged script keeps its mtime.
  if cmp -s "$out.tmp" "$out" 2>/dev/null; then rm "$out.tmp"; else mv "$out.tmp" "$out"; fi
done
