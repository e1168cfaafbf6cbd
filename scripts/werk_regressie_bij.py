"""REGRESSIEFIXTURE bijwerken — GEEN OFFICIËLE CIJFERS.

Schrijft tests/regressie/landelijk_voorbeeld.json opnieuw: de golden master van de winnaars, verliezers en
plaatseneffecten van het ILLUSTRATIEVE voorbeeld workbooks/voorbeeld_landelijk.xlsx (verzonnen cijfers).
Doe dit alleen na een BEDOELDE wijziging in het model of het voorbeeld, en zet de reden in de commit.

    python scripts/werk_regressie_bij.py --dry-run   # toon de verschillen, schrijf niets
    python scripts/werk_regressie_bij.py             # schrijf de nieuwe fixture
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tariefmodel.bestanden import schrijf_atomair
from tests.regressie.landelijk import FIXTURE, alle_uitkomsten, verschillen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Werk de regressiefixture (geen officiële cijfers) bij.")
    parser.add_argument("--dry-run", action="store_true", help="toon alleen de verschillen; schrijf niets")
    args = parser.parse_args(argv)
    nieuw = alle_uitkomsten()
    oud = json.loads(FIXTURE.read_text(encoding="utf-8")) if FIXTURE.exists() else {}
    lijst = verschillen(oud.get("scenarios", {}), nieuw["scenarios"], "scenarios") if oud else ["(nieuwe fixture)"]
    print("\n".join(lijst) if lijst else "Geen verschillen met de huidige fixture.")
    if args.dry_run:
        print(f"--dry-run: {FIXTURE} is niet gewijzigd.")
        return 0
    tekst = json.dumps(nieuw, ensure_ascii=False, indent=1) + "\n"
    schrijf_atomair(FIXTURE, tekst.encode("utf-8"))
    print(f"Geschreven: {FIXTURE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
