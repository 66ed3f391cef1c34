#!/bin/sh
# Trunk's one post_build hook. Trunk starts every hook of a stage at once, so the
# steps that read or rewrite the staged index.html run here, in order:
#   1. minify-glue.py      renames the wasm's glue imports, strips the glue, updates
#                          the SRI hashes in index.html;
#   2. embed-manifest.sh   names the hashed files for embed.js;
#   3. site.sh             the static site, every page's head copied from index.html.
set -eu
here="$(dirname "$0")"
python3 "$here/minify-glue.py"
sh "$here/embed-manifest.sh"
sh "$here/site.sh"
