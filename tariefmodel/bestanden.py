"""Uitvoer veilig wegschrijven: eerst naar een tijdelijk bestand, dan in één keer hernoemen.

Een crash laat zo nooit een half bestand achter, en een opdracht schrijft nooit naar zijn invoer.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class UitvoerFout(ValueError):
    """De uitvoer kan niet (veilig) worden geschreven; de tekst is Nederlands."""


def controleer_niet_invoer(uit: Path, *invoer: Path) -> None:
    """Weiger een uitvoerpad dat naar een invoerbestand wijst."""
    for pad in invoer:
        if Path(uit).resolve() == Path(pad).resolve():
            raise UitvoerFout(f"het uitvoerbestand '{uit}' is hetzelfde als het invoerbestand; kies een andere naam")


def schrijf_atomair(pad: Path | str, data: bytes) -> Path:
    """Schrijf ``data`` naar ``pad`` via een tijdelijk bestand in dezelfde map en os.replace."""
    pad = Path(pad)
    if not pad.parent.exists():
        raise UitvoerFout(f"de map '{pad.parent}' bestaat niet")
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=pad.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
    return pad
