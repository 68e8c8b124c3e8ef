# Sourced by the other scripts: strict mode, the repository root as the working
# directory, and step headings with the seconds elapsed since the script started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
step() { printf '\n== %s (at %ds)\n' "$*" "$SECONDS"; }
