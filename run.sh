#!/usr/bin/env bash
# Starts Leerlingzorg at http://localhost:5000 with an embedded PostgreSQL and demo data.
#   ./run.sh            keeps the demo database between runs
#   ./run.sh --reset    starts with a fresh database and fresh demo data
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh

fresh=false
[ "${1:-}" = "--reset" ] && fresh=true

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export LocalPostgres__Fresh="$fresh"
echo "Leerlingzorg start op http://localhost:5000 (demo-logins: zie README.md; stoppen met Ctrl+C)"
exec dotnet run --project src/Leerlingzorg.Web -c Release --launch-profile http --urls "http://localhost:5000"
