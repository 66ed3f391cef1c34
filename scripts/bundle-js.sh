#!/bin/sh
# Trunk pre_build hook: the two scripts that run before the wasm (assets/theme-init.js,
# assets/loader.js) as shipped: without their whole-line `//` comments and without
# indentation, into target/js/, which index.html links. The comments are for the
# sources; shipped, they were half of each file's brotli bytes (BENCHMARKS.md, Bundle).
# Only whole-line comments go, so no string, regex or URL is touched; a template
# literal spanning lines (where a "comment" would be text) is refused.
set -eu
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
mkdir -p target/js
for name in theme-init loader; do
  src="assets/$name.js"
  out="target/js/$name.js"
  if grep -v '^[[:space:]]*//' "$src" | awk '{ n += gsub(/`/, "") } n % 2 { print FILENAME ":" NR; exit 1 }' FILENAME="$src"; then :; else
    echo "bundle-js.sh: $src: a template literal spans lines; whole-line comments cannot be stripped safely" >&2
    exit 1
  fi
  grep -v '^[[:space:]]*//' "$src" | sed 's/^[[:space:]]*//' | grep -v '^$' > "$out.tmp"
  # Rewrite only on change, so an unchanged script keeps its mtime.
  if cmp -s "$out.tmp" "$out" 2>/dev/null; then rm "$out.tmp"; else mv "$out.tmp" "$out"; fi
done
