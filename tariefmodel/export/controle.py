"""Blad Controle (FAST): twee routes naar hetzelfde getal; elk verschil moet 0 zijn.

Een verschil groter dan de benoemde ``controle_marge`` telt als afwijking (1); bovenaan staat het
aantal afwijkingen als benoemde cel ``controle_afwijkingen``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tariefmodel.export.opmaak import EERSTE_RIJ, Boek

CONTROLE = "Controle"


@dataclass(frozen=True)
class Check:
    omschrijving: str
    a: str  # formule (zonder '=')
    waarde_a: float
    b: str
    waarde_b: float


def schrijf_controleblad(boek: Boek, checks: Sequence[Check]) -> None:
    ws = boek.blad(CONTROLE, "Controles: twee routes naar hetzelfde getal. Afwijking 0 = goed; 1 = verschil groter "
                   "dan controle_marge. Het totaal bovenaan moet 0 zijn.", [6, 84, 20, 20, 14, 14])
    boek.tekst(ws, EERSTE_RIJ, 1, "Aantal afwijkingen (moet 0 zijn)", boek.opmaak(vet=True))
    eerste, laatste = EERSTE_RIJ + 3, EERSTE_RIJ + 2 + len(checks)
    boek.formule(ws, EERSTE_RIJ, 5, f"SUM(F{eerste}:F{laatste})", 0, boek.opmaak("geheel", vet=True))
    boek.noem("controle_afwijkingen", CONTROLE, EERSTE_RIJ, 5)
    ws.conditional_format(EERSTE_RIJ, 5, laatste, 5, {"type": "cell", "criteria": ">", "value": 0,
                                                      "format": boek.opmaak(bg_color="#F8CBAD")})
    ws.conditional_format(EERSTE_RIJ, 5, EERSTE_RIJ, 5, {"type": "cell", "criteria": "=", "value": 0,
                                                         "format": boek.opmaak(bg_color="#C6EFCE")})
    boek.kopregel(ws, EERSTE_RIJ + 1, ["Nr", "Controle", "Waarde", "Moet gelijk zijn aan", "Verschil", "Afwijking"])
    for k, c in enumerate(checks):
        rij = EERSTE_RIJ + 2 + k
        ws.write_number(rij, 0, k + 1)
        boek.tekst(ws, rij, 1, c.omschrijving)
        boek.formule(ws, rij, 2, c.a, c.waarde_a, boek.opmaak("getal"))
        boek.formule(ws, rij, 3, c.b, c.waarde_b, boek.opmaak("getal"))
        boek.formule(ws, rij, 4, f"C{rij + 1}-D{rij + 1}", c.waarde_a - c.waarde_b, boek.opmaak("getal"))
        boek.formule(ws, rij, 5, f"IF(ISERROR(E{rij + 1}),1,IF(ABS(E{rij + 1})>controle_marge,1,0))", 0,
                     boek.opmaak("geheel"))
    ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True})
    ws.repeat_rows(EERSTE_RIJ + 1)


def grenschecks(boek: Boek) -> list[Check]:
    """Een bereikcontrole op elke parameter (zelfde grenzen als de intake, kolommen Minimum/Maximum in
    Parameters): 1 als de waarde erbuiten valt, anders 0."""
    from tariefmodel.export.parameters import PARAMETERS

    checks = []
    for g in boek.grenzen:
        if g.keuzes:
            gelijk = ",".join(f'{g.naam}="{k}"' for k in g.keuzes)
            formule = f"IF(OR({gelijk}),0,1)"
            uitleg = " of ".join(g.keuzes)
        else:
            delen = []
            if g.minimum is not None:
                delen.append(f"{g.naam}{'<=' if g.min_exclusief else '<'}{PARAMETERS}!$H${g.rij + 1}")
            if g.maximum is not None:
                delen.append(f"{g.naam}>{PARAMETERS}!$I${g.rij + 1}")
            formule = f'IF(ISNUMBER({g.naam}),IF(OR({",".join(delen)}),1,0),1)'
            uitleg = " en ".join(x for x in (f"minimum {g.minimum:g}" if g.minimum is not None else "",
                                             f"maximum {g.maximum:g}" if g.maximum is not None else "") if x)
        checks.append(Check(f"Bereik: {g.naam} ({uitleg})", formule, 0.0, "0", 0.0))
    return checks


def foutchecks(bereiken: Sequence[tuple[str, str]]) -> list[Check]:
    """Geen foutwaarde (#WAARDE!, #DEEL/0!, #NAAM?) in de uitvoerbereiken: SUMPRODUCT(ISERROR(…)·1) = 0."""
    return [Check(f"Geen foutwaarden in {naam}", f"SUMPRODUCT(ISERROR({bereik})*1)", 0.0, "0", 0.0)
            for naam, bereik in bereiken]
