"""Uitvoer veilig wegschrijven: eerst naar een tijdelijk bestand, dan in één keer hernoemen.

Een crash laat zo nooit een half bestand achter, en een opdracht schrijft nooit naar zijn invoer
(werkboekformaat.md: 'no command ever writes to the workbook it reads').
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

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


def controleer_overschrijven(pad: Path | str, overschrijven: bool = True) -> None:
    """Weiger een bestaand bestand dat alleen-lezen is (os.replace zou het stil vervangen), en elk bestaand
    bestand als ``overschrijven`` uit staat (bijv. een ingevuld werkboek bij ``sjabloon``)."""
    pad = Path(pad)
    if not pad.exists() or pad.is_dir():
        return
    if not overschrijven:
        raise UitvoerFout(f"'{pad}' bestaat al; het wordt niet overschreven. Kies een andere naam, of geef "
                          "--overschrijf mee als u het bestaande bestand wilt vervangen")
    if not os.access(pad, os.W_OK) or not pad.stat().st_mode & 0o222:  # ook voor root: de schrijfbits
        raise UitvoerFout(f"'{pad}' is alleen-lezen; het wordt niet vervangen. Kies een andere naam of maak het "
                          "bestand eerst schrijfbaar")


def schrijf_atomair(pad: Path | str, data: bytes, overschrijven: bool = True) -> Path:
    """Schrijf ``data`` naar ``pad`` via een tijdelijk bestand in dezelfde map en os.replace.

    Gaat er iets mis, dan blijft een bestaand bestand op ``pad`` ongewijzigd en verdwijnt het
    tijdelijke bestand. Problemen met de map of rechten, een alleen-lezen bestand, of (zonder
    ``overschrijven``) een bestaand bestand worden een UitvoerFout (Nederlands, exit 2).
    """
    pad = Path(pad)
    if pad.is_dir():
        raise UitvoerFout(f"'{pad}' is een map; geef een bestandsnaam op, bijvoorbeeld '{pad / 'uitvoer.xlsx'}'")
    controleer_overschrijven(pad, overschrijven)
    if not pad.parent.is_dir():
        raise UitvoerFout(f"de map '{pad.parent}' bestaat niet")
    try:
        fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=pad.parent)
    except OSError as fout:
        raise UitvoerFout(f"in de map '{pad.parent}' kan niet worden geschreven ({_reden(fout)})") from None
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
            raise UitvoerFout(f"'{pad}' kan niet worden geschreven ({_reden(fout)}); het bestaande bestand "
                              "is ongewijzigd") from None
        raise
    return pad


_REDENEN = {errno.ENOSPC: "de schijf is vol", errno.EDQUOT: "de schijfruimte (quotum) is op",
            errno.EACCES: "geen toestemming", errno.EPERM: "geen toestemming", errno.EROFS: "alleen-lezen schijf"}


def _reden(fout: OSError) -> str:
    """De oorzaak in het Nederlands (strerror is Engels, bijv. 'No space left on device')."""
    return _REDENEN.get(fout.errno, fout.strerror or "onbekende oorzaak")
