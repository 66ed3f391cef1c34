#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing, pinned. Idempotent:
# a second run installs nothing. Everything comes from the package registries
# (Debian, crates.io, npm); nothing downloads a prebuilt binary.
# Sourced by scripts/serve and scripts/test.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")"
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk nginx libnginx-mod-http-brotli-static brotli python3)

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

missing_apt=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing_apt+=("$p")
done
if ((${#missing_apt[@]})); then
  say "apt-get install ${missing_apt[*]}"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing_apt[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  say "cargo install trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Without --locked: its lockfile names a crate version the registry mirror lacks.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm: Playwright for the e2e tests and binaryen's wasm-opt (Debian's is too old
# for current rustc output). Reinstall only when package-lock.json changed.
stamp="$ROOT/e2e/node_modules/.installed-lock.json"
if ! cmp -s "$ROOT/e2e/package-lock.json" "$stamp"; then
  say "npm ci (e2e/)"
  (cd "$ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/e2e/package-lock.json" "$stamp"
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version 132"; then
  echo "wasm-opt 132 is not on PATH after npm ci (expected e2e/node_modules/.bin/wasm-opt)" >&2
  exit 1
fi

# Trunk runs offline: make sure every crate is already in cargo's cache.
cargo fetch --quiet
