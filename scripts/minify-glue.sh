#!/bin/sh
# Trunk post_build hook, the first: wasm-bindgen's JS glue as shipped, without its doc
# comments, whole-line `//` comments and indentation (about 1 KB of its 9.4 KB brotli;
# BENCHMARKS.md, Bundle), and its SRI hash in index.html updated to match. Runs before
# embed-manifest.sh and site.sh, which copy index.html's head into every page.
# Refused (the build fails, nothing is shipped half-done) where a stripped line could
# be text: a template literal spanning lines, a block comment that does not start a
# line, a line continued with a backslash.
set -eu
cd "${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
js=$(ls article-viewer-*.js | grep -v '_bg' | head -n 1)
perl -0777 -ne '
  my $s = $_;
  # Block comments, each starting its own line and ending one.
  $s =~ s{^[ \t]*/\*.*?\*/[ \t]*\n}{}gms;
  die "a block comment inside a line\n" if $s =~ m{/\*};
  $s =~ s{^[ \t]*//[^\n]*\n}{}gm;
  die "a line ending in a backslash\n" if $s =~ m{\\\n};
  for my $line (split /\n/, $s) { die "a template literal spans lines\n" if ($line =~ tr/`//) % 2 }
  $s =~ s/^[ \t]+//gm;
  $s =~ s/\n{2,}/\n/g;
  print $s;
' "$js" > "$js.min" || { echo "minify-glue.sh: $js: not minified (above)" >&2; rm -f "$js.min"; exit 1; }
sri() { perl -MDigest::SHA=sha384_base64 -0777 -ne 'print "sha384-", sha384_base64($_)' "$1"; }
old=$(sri "$js")
new=$(sri "$js.min")
mv "$js.min" "$js"
OLD="$old" NEW="$new" perl -pi -e 's/\Q$ENV{OLD}\E/$ENV{NEW}/g' index.html
grep -q "$new" index.html || { echo "minify-glue.sh: index.html names no integrity for $js" >&2; exit 1; }
