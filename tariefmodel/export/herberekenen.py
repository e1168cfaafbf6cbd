"""Een werkboek onafhankelijk laten herrekenen door LibreOffice headless (architectuur.md, 'Library notes').

LibreOffice houdt bij OOXML de opgeslagen waarden aan, tenzij het profiel ``OOXMLRecalcMode`` = 0
(altijd herrekenen) zet. Daarom elke keer een wegwerpprofiel via ``-env:UserInstallation``: zo raakt
het de instellingen van de gebruiker niet en lopen gelijktijdige aanroepen elkaar niet in de weg.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

PROFIEL = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""


class GeenLibreOffice(RuntimeError):
    """LibreOffice (soffice) is niet geïnstalleerd of de conversie mislukte."""


def soffice() -> str | None:
    """Het pad van soffice/libreoffice, of None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def herbereken_met_libreoffice(xlsx: bytes, naar: str = "xlsx", timeout: float = 180) -> bytes:
    """De bytes van ``xlsx`` na herberekening door LibreOffice, opgeslagen als ``naar`` (xlsx, ods, pdf)."""
    programma = soffice()
    if programma is None:
        raise GeenLibreOffice("LibreOffice (soffice) staat niet op PATH; installeer libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory(prefix="tariefmodel-lo-") as map_:
        werkmap = Path(map_)
        (werkmap / "profiel" / "user").mkdir(parents=True)
        (werkmap / "profiel" / "user" / "registrymodifications.xcu").write_text(PROFIEL, encoding="utf-8")
        (werkmap / "bron").mkdir()
        (werkmap / "bron" / "werkboek.xlsx").write_bytes(xlsx)
        opdracht = [programma, "--headless", "--norestore", f"-env:UserInstallation={(werkmap / 'profiel').as_uri()}",
                    "--convert-to", naar, "--outdir", str(werkmap / "uit"), str(werkmap / "bron" / "werkboek.xlsx")]
        try:
            subprocess.run(opdracht, check=True, capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as fout:
            raise GeenLibreOffice(f"LibreOffice kon het werkboek niet herrekenen ({fout})") from None
        uit = werkmap / "uit" / f"werkboek.{naar}"
        if not uit.exists():
            raise GeenLibreOffice("LibreOffice schreef geen uitvoer")
        return uit.read_bytes()
