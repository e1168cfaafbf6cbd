"""Uitvoer veilig wegschrijven: eerst naar een tijdelijk bestand, dan in één keer hernoemen.

Een crash laat zo nooit een half bestand achter, en een opdracht schrijft nooit naar zijn invoer
(werkboekformaat.md: 'no command ever writes to the workbook it reads').
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tariefmodel.foutteksten import os_fout

NIEUWE_RECHTEN = 0o644  # een nieuw uitvoerbestand: leesbaar voor iedereen (mkstemp maakt 0o600)


class UitvoerFout(ValueError):
    """De uitvoer kan niet (veilig) worden geschreven; de tekst is Nederlands."""


def controleer_niet_invoer(uit: Path, *invoer: Path) -> None:
    """Weiger een uitvoerpad dat naar een invoerbestand wijst (ook via een andere naam of harde link)."""
    for pad in invoer:
        if Path(uit).resolve() == Path(pad).resolve() or _zelfde_bestand(Path(uit), Path(pad)):
            raise UitvoerFout(f"het uitvoerbestand '{uit}' is hetzelfde als het invoerbestand; kies een andere naam")


def _zelfde_bestand(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def schrijf_atomair(pad: Path | str, data: bytes) -> Path:
    """Schrijf ``data`` naar ``pad`` via een tijdelijk bestand in dezelfde map en os.replace.

    Gaat er iets mis, dan blijft een bestaand bestand op ``pad`` ongewijzigd en verdwijnt het
    tijdelijke bestand. Problemen met de map of rechten worden een UitvoerFout (Nederlands, exit 2).
    """
    pad = Path(pad)
    if pad.is_dir():
        raise UitvoerFout(f"'{pad}' is een map; geef een bestandsnaam op, bijvoorbeeld '{pad / 'uitvoer.xlsx'}'")
    if not pad.parent.is_dir():
        raise UitvoerFout(f"de map '{pad.parent}' bestaat niet")
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=pad.parent)
    except OSError as fout:
        raise UitvoerFout(f"in de map '{pad.parent}' kan niet worden geschreven ({os_fout(fout)})") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tijdelijk, pad.stat().st_mode & 0o777 if pad.exists() else NIEUWE_RECHTEN)
        os.replace(tijdelijk, pad)
    except BaseException as fout:
        Path(tijdelijk).unlink(missing_ok=True)
        if isinstance(fout, OSError):
            raise UitvoerFout(f"'{pad}' kan niet worden geschreven ({os_fout(fout)}); het bestaande bestand "
                              "is ongewijzigd") from None
        raise
    return pad
