"""Uitvoer veilig wegschrijven: eerst naar een tijdelijk bestand, dan in één keer hernoemen.

Een crash laat zo nooit een half bestand achter, en een opdracht schrijft nooit naar zijn invoer
(werkboekformaat.md: 'no command ever writes to the workbook it reads').
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tariefmodel.foutteksten import os_fout

NIEUWE_RECHTEN = 0o644  # een nieuw uitvoerbestand: leesbaar voor iedereen (mkstemp maakt 0o600)


class UitvoerFout(ValueError):
    """De uitvoer kan niet (veilig) worden geschreven; de tekst is Nederlands."""


def controleer_niet_invoer(uit: Path, *invoer: Path) -> None:
    """Weiger een uitvoerpad dat naar een invoerbestand wijst (zie ``weiger_uitvoer_op_invoer``)."""
    weiger_uitvoer_op_invoer(uit, invoer)


def weiger_uitvoer_op_invoer(uit: Path | str, invoer: Iterable[Path | str]) -> None:
    """Weiger ``uit`` als het een van de ``invoer``-bestanden is (werkboekformaat.md: nooit naar de invoer).

    Gedeeld door elke opdracht die schrijft (exporteer, rapport, vergelijk, bundel, controleer --xlsx).
    Gelijk is: hetzelfde pad, een symbolische link ernaar (in beide richtingen) of een harde link
    (zelfde apparaat en inode). Een map als invoer (``--kostprijs MAP``) telt met alle bestanden erin.
    Een bestaand uitvoerbestand zonder schrijfrechten krijgt een Nederlandse melding.
    """
    uit = Path(uit)
    for pad in _bestanden(invoer):
        if _wijst_naar(uit, pad):
            raise UitvoerFout(f"het uitvoerbestand '{uit}' is hetzelfde als het invoerbestand '{pad}' "
                              "(zelfde pad, link of harde link); kies een andere naam, anders gaat de invoer verloren")
    if uit.exists() and not uit.is_dir() and not os.access(uit, os.W_OK):
        raise UitvoerFout(f"het uitvoerbestand '{uit}' bestaat al en is alleen-lezen; kies een andere naam of "
                          "geef schrijfrechten")


def _bestanden(invoer: Iterable[Path | str]) -> list[Path]:
    gevonden: list[Path] = []
    for pad in (Path(p) for p in invoer if p is not None):
        gevonden.append(pad)
        if pad.is_dir():
            gevonden.extend(p for p in pad.rglob("*") if p.is_file())
    return gevonden


def _wijst_naar(uit: Path, pad: Path) -> bool:
    """Zelfde pad na het oplossen van links, of zelfde inode (harde link, andere schrijfwijze)."""
    try:
        if uit.resolve() == pad.resolve():
            return True
        if uit.exists() and pad.exists():
            a, b = uit.stat(), pad.stat()
            return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)
    except OSError:
        return False
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


