"""De opdrachtregel start snel (issue 17): `tariefmodel --help` laadt geen zwaar pakket.

Geen tijdmeting (machines zijn lawaaiig); de test controleert de oorzaak: welke modules na het bouwen van de
parser en na `--help` geladen zijn. Een opdrachtmodule laadt zware pakketten pas in zijn eigen functie.
"""

from __future__ import annotations

import json
import subprocess
import sys

ZWAAR = {"openpyxl", "numpy", "pandas", "pydantic", "babel", "yaml", "xlsxwriter", "streamlit", "typst",
         "vl_convert", "altair", "defusedxml"}
CODE = """
import json, sys
from tariefmodel.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if not m.startswith("_"))), file=sys.stderr)
"""


def geladen(*argv: str) -> set[str]:
    uit = subprocess.run([sys.executable, "-c", CODE, *argv], capture_output=True, text=True, timeout=120, check=False)
    return set(json.loads(uit.stderr.strip().splitlines()[-1]))


def test_help_laadt_geen_zwaar_pakket():
    modules = geladen("--help")
    assert "tariefmodel.opdrachten.kostprijs" in modules  # de parser is echt gebouwd
    assert not {m.split(".")[0] for m in modules} & ZWAAR, sorted(m for m in modules if m.split(".")[0] in ZWAAR)
    assert not [m for m in modules if m.startswith(("tariefmodel.werkboek", "tariefmodel.kostprijs",
                                                    "tariefmodel.landelijk", "tariefmodel.export"))]


def test_help_van_een_opdracht_laadt_geen_zwaar_pakket():
    for opdracht in ("bereken", "exporteer", "rapport", "landelijk", "bundel", "sjabloon", "controleer", "vergelijk"):
        modules = geladen(opdracht, "--help")
        assert not {m.split(".")[0] for m in modules} & ZWAAR, (opdracht, sorted(
            m for m in modules if m.split(".")[0] in ZWAAR))


def test_versie_zonder_zware_pakketten():
    uit = subprocess.run([sys.executable, "-m", "tariefmodel", "--versie"], capture_output=True, text=True,
                         timeout=60, check=False)
    assert uit.returncode == 0 and uit.stdout.startswith("tariefmodel ")
