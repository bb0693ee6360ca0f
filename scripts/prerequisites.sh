#!/usr/bin/env bash
# Installs what Leerlingzorg needs on a Debian/Ubuntu machine that has only the .NET SDK:
# the PostgreSQL server binaries (for the embedded database), and with --browser Debian's Chromium
# (for the end-to-end tests). Sourced by run.sh and test.sh.
set -euo pipefail

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "Kan '$*' niet uitvoeren: geen root en geen sudo. / Cannot run '$*': not root and no sudo." >&2; return 1; fi
}

apt_updated=""
apt_install() {
    if ! command -v apt-get >/dev/null; then
        echo "Installeer handmatig: $* / Please install manually: $*" >&2
        return 1
    fi
    if [ -z "$apt_updated" ]; then
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        apt_updated=1
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

have_postgres() {
    command -v initdb >/dev/null && command -v pg_ctl >/dev/null && return 0
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}

if ! command -v dotnet >/dev/null; then
    echo "De .NET 10 SDK ontbreekt: zie https://dot.net. / The .NET 10 SDK is missing." >&2
    exit 1
fi

if ! have_postgres; then
    echo "PostgreSQL-server wordt geïnstalleerd (apt) / installing PostgreSQL server binaries…"
    apt_install postgresql postgresql-contrib || apt_install postgresql
    # Debian starts a default cluster on 5432; Leerlingzorg runs its own, so that one may rest.
    (as_root service postgresql stop >/dev/null 2>&1 || true)
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
    echo "Chromium wordt geïnstalleerd (apt) / installing Chromium for the browser tests…"
    apt_install chromium fonts-dejavu-core
fi

# pdftoppm renders the printed ondersteuningspas to an image for the screenshots (optional: the test skips it without).
if [ "${1:-}" = "--browser" ] && ! command -v pdftoppm >/dev/null; then
    apt_install poppler-utils || true
fi

dotnet tool restore >/dev/null
