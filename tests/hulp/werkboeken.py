"""Testwerkboeken maken met dezelfde schrijver als de sjablonen (tariefmodel.werkboek.sjablonen)."""

from __future__ import annotations

from tariefmodel.werkboek.sjablonen import kostprijswerkboek


def maak_kostprijswerkboek(uitgangspunten=None, producten=(), personeel=(), kosten=(), salaristabel=()) -> bytes:
    """xlsx-bytes van een kostprijswerkboek met de gegeven regels (lijsten in kolomvolgorde)."""
    return kostprijswerkboek(uitgangspunten or {}, producten, personeel, kosten, salaristabel)
