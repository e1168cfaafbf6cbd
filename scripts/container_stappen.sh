#!/usr/bin/env bash
# Speel de Dockerfile na zonder container-engine (geen docker/podman op de machine): een schone venv met
# Python 3.11 in een tijdelijke map (in plaats van FROM python:3.11-slim), dan dezelfde ENV-, WORKDIR-, COPY- en
# RUN-regels, letterlijk uit de Dockerfile gelezen; dan CMD starten en de HEALTHCHECK draaien tot hij slaagt.
# Niet nagespeeld: useradd en USER (dit maakt geen gebruiker aan op uw machine).
#   bash scripts/container_stappen.sh [POORT]     (standaard 8599; exit 0 als de gezondheidscontrole slaagt)
set -euo pipefail
cd "$(dirname "$0")/.."
BRON="$PWD"
POORT="${1:-8599}"
WERK="$(mktemp -d "${TMPDIR:-/tmp}/tariefmodel-container.XXXXXX")"
APP_PID=""
opruimen() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WERK"
}
trap opruimen EXIT

PYTHON="${PYTHON:-python3.11}"
"$PYTHON" -c 'import sys; assert sys.version_info[:2] == (3, 11)' \
  || { echo "Python 3.11 is nodig (zoals python:3.11-slim); zet PYTHON=..." >&2; exit 1; }

# De Dockerfile als shell-stappen; elke regel van de Dockerfile wordt één stap.
"$PYTHON" - "$BRON/Dockerfile" > "$WERK/stappen.sh" <<'PY'
import json, re, shlex, sys

tekst = re.sub(r"\\\n", " ", open(sys.argv[1], encoding="utf-8").read())
def pad(p):  # absolute paden in de container liggen onder $WERK
    return f'"$WERK{p}"' if p.startswith("/") else shlex.quote(p)
for regel in tekst.splitlines():
    regel = regel.strip()
    if not regel or regel.startswith("#"):
        continue
    opdracht, _, rest = regel.partition(" ")
    opdracht = opdracht.upper()
    print(f"echo {shlex.quote('>>> ' + regel[:110])}")
    if opdracht == "FROM":
        print('"$PYTHON" -m venv "$WERK/venv" && export PATH="$WERK/venv/bin:$PATH" && python --version')
    elif opdracht == "ENV":
        for paar in shlex.split(rest):
            print(f"export {shlex.quote(paar)}")
    elif opdracht == "WORKDIR":
        print(f"mkdir -p {pad(rest)} && cd {pad(rest)}")
    elif opdracht == "COPY":
        *bronnen, doel = shlex.split(rest)
        print(f"mkdir -p {pad(doel) if doel.endswith('/') else '$(dirname ' + pad(doel) + ')'}")
        for bron in bronnen:  # een map kopieert zijn inhoud; een glob zonder treffer is geen fout
            print(f'for b in "$BRON"/{bron}; do [ -e "$b" ] || continue; '
                  f'if [ -d "$b" ]; then mkdir -p {pad(doel)} && cp -r "$b"/. {pad(doel)}; '
                  f'else cp "$b" {pad(doel)}; fi; done')
    elif opdracht == "RUN":
        if rest.startswith("useradd"):
            print("echo '    (overgeslagen: maakt geen gebruiker aan op deze machine)'")
        else:
            print(f"sh -ec {shlex.quote(rest)}")
    elif opdracht == "HEALTHCHECK":
        print(f"GEZONDHEID={shlex.quote(' '.join(map(shlex.quote, json.loads(rest.split('CMD', 1)[1]))))}")
    elif opdracht == "CMD":
        print(f"START={shlex.quote(' '.join(map(shlex.quote, json.loads(rest))))}")
    else:  # USER, EXPOSE: niets na te spelen
        print("echo '    (niets na te spelen)'")
PY

# shellcheck source=/dev/null
source "$WERK/stappen.sh"
export STREAMLIT_SERVER_PORT="$POORT"   # niet 8501: die kan al in gebruik zijn
echo ">>> start: $START (poort $POORT)"
eval "exec $START" > "$WERK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  if eval "$GEZONDHEID"; then
    echo "Gezondheidscontrole geslaagd: http://localhost:$POORT/_stcore/health antwoordt 'ok'."
    exit 0
  fi
  kill -0 "$APP_PID" 2>/dev/null || break
  sleep 1
done
echo "Gezondheidscontrole mislukt; log van de app:" >&2
cat "$WERK/app.log" >&2
exit 1
