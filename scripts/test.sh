#!/usr/bin/env bash
# Every test of the project; exits non-zero on the first failure.
source "$(dirname "$0")/lib.sh"
trap 'printf "\n== finished after %ds\n" "$SECONDS"' EXIT

step "setup"
bash scripts/setup.sh --browser

step "cargo test (native)"
cargo test

step "npm run build"
npm run build

# --tests: the library's and the integration tests; examples are native tools and
# doctests do not run on wasm32. The runner is set in .cargo/config.toml.
wasm_test=(cargo test --target wasm32-unknown-unknown --tests)

step "cargo test (wasm32, Node)"
"${wasm_test[@]}"

step "cargo test (wasm32, Chromium)"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver "${wasm_test[@]}"

if [ -f bench/package.json ]; then
  step "bench dependencies"
  npm --prefix bench install --no-audit --no-fund
fi

step "node --test"
shopt -s nullglob
node --test tests/js/*.test.mjs tests/consumers/*.test.mjs tests/browser/*.test.mjs bench/test/*.test.mjs
