"""Oud importpad: de meldingen staan nu in ``tariefmodel.meldingen`` (neutraal, ook voor het model)."""

from tariefmodel.meldingen import Ernst, Melding, Meldingen, WerkboekFout

__all__ = ["Ernst", "Melding", "Meldingen", "WerkboekFout"]
