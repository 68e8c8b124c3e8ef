#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) needs. Idempotent: each step
# is skipped when its result is already present.
source "$(dirname "$0")/lib.sh"

# wasm32-unknown-unknown: the engine in the browser; wasm32-wasip1: the command
# that `npx fahras` runs under Node's WASI.
for target in wasm32-unknown-unknown wasm32-wasip1; do
  if ! rustup target list --installed | grep -qx "$target"; then
    step "rustup target add $target"
    rustup target add "$target"
  fi
done

# wasm-bindgen-test-runner runs the Rust tests compiled to wasm32 in Node and in
# Chromium; it must be the exact version of the wasm-bindgen crate in Cargo.lock.
[ -f Cargo.lock ] || cargo generate-lockfile
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  step "cargo install wasm-bindgen-cli $want (found: ${have:-none}); takes a few minutes once"
  # Not --locked: the CLI's own lockfile pins a dependency version the registry lacks.
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# `npm install`, not `npm ci`: the registry here lacks other platforms' builds of some
# optional dependencies (rollup's), which npm ci insists on finding in the lockfile.
# Skipped while package.json and the lockfile are those the last install left.
stamp=node_modules/.fahras-setup-stamp
if ! cat package.json package-lock.json | cmp -s - "$stamp"; then
  step "npm install"
  npm install --no-audit --no-fund
  cat package.json package-lock.json > "$stamp"
fi

if [ "${1:-}" = "--browser" ]; then
  missing=()
  for package in chromium chromium-driver fonts-noto-core; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    sudo=$([ "$(id -u)" = 0 ] || echo sudo)
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
fi
