#!/usr/bin/env bash
# Runs every test: domain, integration (real PostgreSQL), component (bUnit) and end-to-end (Chromium).
# Prints one summary line at the end: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh --browser

dotnet build Leerlingzorg.sln -c Release -nologo -v quiet -clp:ErrorsOnly

log=$(mktemp)
status=0
dotnet test Leerlingzorg.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# Add up the per-project result lines ("Passed!  - Failed: 0, Passed: 68, Skipped: 0, Total: 68 ...").
read -r passed failed skipped projects < <(awk '
    /(Passed|Failed)! +- Failed:/ {
        for (i = 1; i <= NF; i++) {
            if ($i == "Failed:")  { f += $(i+1) + 0 }
            if ($i == "Passed:")  { p += $(i+1) + 0 }
            if ($i == "Skipped:") { s += $(i+1) + 0 }
        }
        n++
    }
    END { printf "%d %d %d %d\n", p, f, s, n }' "$log")
rm -f "$log"

echo
echo "Test projects run: $projects of 4"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$projects" -lt 4 ]; then
    exit 1
fi
