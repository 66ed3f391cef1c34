#!/bin/sh
# Every file or folder named in backquotes in ARCHITECTURE.md exists. A path may be
# written relative to its section (`api/` under `src/`, `import/header.rs` under the
# core's `src/`, a bare `dom.rs` in its section); build outputs (`target/…`, `dist/…`) and `../shared` are not in the tree.
set -eu
cd "$(dirname "$0")/.."
status=0
found() {
  for base in "" src/ crates/article/src/ crates/article/; do
    for f in $base$1; do
      [ -e "$f" ] && return 0
    done
  done
  # A bare file name (`dom.rs` in the `browser/` section) names a tracked file.
  case "$1" in
    */*) return 1 ;;
    *) [ -n "$(git ls-files "*/$1")" ] ;;
  esac
}
for p in $(grep -o '`[A-Za-z0-9_./*<>-]*`' ARCHITECTURE.md | tr -d '`' | grep -e '/' -e '\.rs$' -e '\.css$' -e '\.js$' | grep -v -e '^\.\./' -e '^target/' -e '^dist/' -e '<' | sort -u); do
  if ! found "$p"; then
    echo "ARCHITECTURE.md names $p, which is not in the tree" >&2
    status=1
  fi
done
# And the other way: every component, hook, stylesheet, viewer module and crate module
# is named (by its path, its path in its crate's src/, its file name, or, for a hook,
# its function; a module's root `x.rs` by its folder `x/`), so a feature's files are
# found from here in one hop.
named=$(grep -o '`[A-Za-z0-9_./*<>-]*`' ARCHITECTURE.md | tr -d '`' | sort -u)
for f in $(git ls-files 'src/*.rs' 'styles/*.css' 'crates/*/src/*.rs' | grep -v -e '^src/main.rs$' -e '^src/lib.rs$' -e '/src/lib.rs$' -e '/src/main.rs$'); do
  short=$(echo "$f" | sed -e 's#^crates/[^/]*/src/##' -e 's#^src/##')
  base=$(basename "$f")
  if ! printf '%s\n' "$named" | grep -qx -e "$f" -e "$short" -e "$base" -e "src/$short" \
      -e "${short%.rs}/" -e "src/${short%.rs}/" -e "$(echo "$base" | sed -n 's/^\(use_.*\)\.rs$/\1/p')"; then
    echo "ARCHITECTURE.md does not name $f" >&2
    status=1
  fi
done
[ "$status" = 0 ] && echo "ARCHITECTURE.md: every path exists, and every module is named"
exit "$status"
