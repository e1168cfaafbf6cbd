"""Landelijke testwerkboeken, gebouwd met de gedeelde schrijver (werkboek_bytes), los van het sjabloon.

``HANDWERKBOEK`` is een klein werkboek met getallen die NIET uit het voorbeeld komen; de verwachte
uitkomsten staan met de hand uitgerekend in tests/test_landelijk_cli.py.
"""

from __future__ import annotations

from tariefmodel.werkboek.schrijven import Blad, werkboek_bytes

REGIOKOLOMMEN = ["Centrumgemeente", "Inwoners", "Plaatsen", "Cliënten per jaar", "Gemiddelde verblijfsduur",
                 "Historisch budget", "Meldingen"]

HANDWERKBOEK = {
    "Uitgangspunten": (["Parameter", "Waarde"], [["rekenjaar", 2027], ["kosten_per_plaats", "60.000"],
                                                 ["kosten_per_plaatsing", "1.000"], ["max_verlies", None]]),
    "Regio's": (REGIOKOLOMMEN, [
        ["Groningen", 250_000, 10, 73, 50, 400_000, 100],
        ["Leeuwarden", 150_000, 20, None, None, 300_000, 300],
        ["Emmen", 100_000, 5, 36.5, 20, 300_000, 600],
    ]),
    "Maatstaven": (["Maatstaf", "Aandeel"], [["Inwoners", "60%"], ["meldingen", 0.4]]),
    "Overgang": (["Jaar", "Budget", "Aandeel objectief"], [
        [2025, "1.000.000", 0], [2026, 1_000_000, "50%"], [2027, 2_000_000, 1]]),
    "DUVO": (["Centrumgemeente", "Jaar", "Uitkering", "Besteding vrouwenopvang", "Besteding overig"], [
        ["Groningen", 2027, 680_000, 500_000, 100_000], ["emmen", 2027, 720_000, 700_000, None]]),
    "Plaatsingen": (["Herkomst", "Opvangregio", "Aantal"], [
        ["Groningen", "Groningen", 70], ["Leeuwarden", "Groningen", 20], ["Emmen", "Groningen", 10],
        ["Groningen", "Leeuwarden", 5], ["Leeuwarden", "Leeuwarden", 40], ["Emmen", "Leeuwarden", 15]]),
}


def landelijk_bytes(bladen: dict | None = None) -> bytes:
    """xlsx-bytes van ``bladen`` (naam -> (kolommen, rijen) of None = blad weglaten); standaard HANDWERKBOEK."""
    inhoud = HANDWERKBOEK if bladen is None else bladen
    return werkboek_bytes([Blad(naam, list(w[0]), [list(r) for r in w[1]]) for naam, w in inhoud.items()
                           if w is not None])


def met(blad: str, kolommen=None, rijen=None) -> dict:
    """Een kopie van HANDWERKBOEK met één blad vervangen (None = blad weglaten)."""
    inhoud = dict(HANDWERKBOEK)
    if kolommen is None and rijen is None:
        inhoud[blad] = None
    else:
        oud_k, oud_r = HANDWERKBOEK[blad]
        inhoud[blad] = (kolommen or oud_k, oud_r if rijen is None else rijen)
    return inhoud
