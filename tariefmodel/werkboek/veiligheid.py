"""Controles op het bestand vóór het parsen (issue 6 breidt dit uit)."""

from __future__ import annotations

import io
import zipfile

from tariefmodel.werkboek.meldingen import WerkboekFout


def controleer_bestand(data: bytes) -> None:
    """Weiger bestanden die geen xlsx (zip) zijn, met een Nederlandse melding."""
    if not data:
        raise WerkboekFout.enkel("het bestand is leeg")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise WerkboekFout.enkel(
            "dit is geen Excel-werkboek (.xlsx); sla het bestand in Excel op als 'Excel-werkmap (*.xlsx)'"
        )
