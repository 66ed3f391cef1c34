#!/bin/sh
# Trunk post_build hook: the static site (crates/site) into the staged build, so
# `trunk build --release` and `scripts/serve` produce it: a page per article at
# a/<id>/, list pages, sitemap.xml, robots.txt, feeds, 404.html. Rendered natively,
# where cargo builds by default (shares target/debug with the tests); only pages
# whose article changed are rendered again (cache in target/site-cache).
# Absolute URLs (sitemap, feeds, Open Graph) use $SITE_ORIGIN; the path comes from
# Trunk's public_url (`trunk build --release --public-url /news/`).
set -eu
src="${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
stage="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cd "$src"
# The site root shows $SITE_HOME (default: the seed article, if it is there; else
# the newest article).
home="${SITE_HOME:-a-000_69da94d2f4a4bc00}"
[ -f "articles/$home.json" ] || home=""
# Authoring (scripts/serve): source pages imported, a bad article shown in its page.
authoring=""
[ -n "${SITE_AUTHORING:-}" ] && authoring="--sources articles/src --keep-going"
# shellcheck disable=SC2086
cargo run --quiet -p article-cli -- site --dist "$stage" --articles articles \
  --cache target/site-cache ${SITE_ORIGIN:+--origin "$SITE_ORIGIN"} ${home:+--home "$home"} $authoring
