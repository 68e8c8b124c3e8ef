#!/usr/bin/env bash
# Every test of the project; exits non-zero on the first failure.
source "$(dirname "$0")/lib.sh"
trap 'printf "\n== finished after %ds\n" "$SECONDS"' EXIT

step "setup"
bash scripts/setup.sh --browser

step "cargo test (native, every crate)"
cargo test --workspace

step "npm run build"
npm run build

# The analyzer's, the format's and the engine's tests again, compiled to wasm32:
# the browser runs that build, and some bugs exist only where usize is 32 bits.
# The runner is set in .cargo/config.toml.
wasm_test=(cargo test --target wasm32-unknown-unknown -p fahras-core -p fahras-engine --tests)

step "cargo test (wasm32, Node)"
"${wasm_test[@]}"

step "cargo test (wasm32, Chromium)"
WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver "${wasm_test[@]}"

# An engine that traps on purpose, for the tests that check one engine's failure
# stays its own (tests/js/isolation.test.mjs, tests/browser/isolation.test.mjs).
step "engine build that traps on purpose"
cargo build -p fahras-wasm --target wasm32-unknown-unknown --features trap-for-tests
# Without its debug information: browsers refuse to instantiate a module of over
# 8 MB synchronously, as an engine restarting after a trap may be.
node_modules/.bin/wasm-opt --strip-debug target/wasm32-unknown-unknown/debug/fahras_wasm.wasm -o target/fahras-trap.wasm

if [ -f bench/package.json ]; then
  step "bench dependencies"
  npm --prefix bench install --no-audit --no-fund
fi

step "node --test"
shopt -s nullglob
node --test tests/js/*.test.mjs tests/consumers/*.test.mjs tests/browser/*.test.mjs bench/test/*.test.mjs
