#!/usr/bin/env bash
# Sets up, builds, and serves the demo (dist/) on 127.0.0.1 (PORT, default 8080).
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh
npm run build
echo "Offline single-file demo: $(pwd)/dist/fahras.html"
exec node scripts/serve.mjs
