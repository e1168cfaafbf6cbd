"""Blad Scenario: basis tegen scenario tegen verschil per product (issue 13; `exporteer --zet`, `--scenario`).

De basis staat als waarde (grijs: de uitkomst van het werkboek zonder scenario), het scenario als live
verwijzing naar blad Uitvoer, het verschil als formule. Bovenaan de naam van het scenario en elke
gewijzigde parameter of elk gewijzigd tarief (basis → scenario).
"""

from __future__ import annotations

from tariefmodel.afronding import rond_euro
from tariefmodel.export.kostprijs_uitvoer import KOLOMMEN, UITVOER, VASTE_KOLOMMEN
from tariefmodel.export.opmaak import EERSTE_RIJ, Boek, cel
from tariefmodel.kostprijs.berekening import KostprijsResultaat

SCENARIO = "Scenario"
VERGELEKEN = (("kostprijs", "Kostprijs per eenheid", "euro"), ("tarief", "Gemeentetarief", "euro"),
              ("tekort", "Tekort", "tekort"))


def wijzigingen(basis: KostprijsResultaat, scenario: KostprijsResultaat) -> list[str]:
    """Gewijzigde parameters en tarieven, als 'naam: basis → scenario'."""
    uit = []
    for naam, u in sorted(scenario.invoer.uitgangspunten.items()):
        b = basis.invoer.uitgangspunten.get(naam)
        if u.herkomst == "scenario" or (b is not None and b.waarde != u.waarde):
            uit.append(f"{naam}: {b.waarde if b is not None else '–'} → {u.waarde}")
    for p in scenario.producten:
        b = next((x for x in basis.producten if x.code == p.code), None)
        if b is not None and b.gemeentetarief != p.gemeentetarief:
            uit.append(f"gemeentetarief {p.code}: {b.gemeentetarief} → {p.gemeentetarief}")
    return uit


def schrijf_scenario(boek: Boek, basis: KostprijsResultaat, scenario: KostprijsResultaat, naam: str = "") -> None:
    """Basis / scenario / verschil per product; ``naam`` noemt het scenario (anders de wijzigingen)."""
    ws = boek.blad(SCENARIO, "Basis (waarde, uit het werkboek zonder scenario) tegen scenario (live, blad Uitvoer) "
                   "en het verschil per product.", [12, 36] + [16, 16, 16] * len(VERGELEKEN))
    lijst = wijzigingen(basis, scenario)
    boek.sectie(ws, EERSTE_RIJ, f"Scenario: {naam or '; '.join(lijst) or '(geen wijzigingen)'}")
    for k, tekst in enumerate(lijst):
        boek.tekst(ws, EERSTE_RIJ + 1 + k, 1, tekst)
    kop = EERSTE_RIJ + 2 + len(lijst)
    kopjes = ["Code", "Naam"]
    for _, label, _ in VERGELEKEN:
        kopjes += [f"{label} basis", f"{label} scenario", f"{label} verschil"]
    boek.kopregel(ws, kop, kopjes)
    ws.set_row(kop, 45)
    kolom_van = {k.sleutel: VASTE_KOLOMMEN + i for i, k in enumerate(KOLOMMEN)}
    waarden = {"kostprijs": "kostprijs", "tarief": "gemeentetarief", "tekort": "tekort"}
    for i, s in enumerate(scenario.producten):
        rij = kop + 1 + i
        b = next((x for x in basis.producten if x.code == s.code), None)
        boek.tekst(ws, rij, 0, s.code, boek.opmaak(vet=True))
        boek.tekst(ws, rij, 1, s.product.naam)
        for j, (sleutel, _, soort) in enumerate(VERGELEKEN):
            k0 = 2 + 3 * j
            bw = None if b is None else getattr(b, waarden[sleutel])
            sw = getattr(s, waarden[sleutel])
            boek.waarde(ws, rij, k0, None if bw is None else rond_euro(bw), boek.opmaak(soort, font_color="#595959"))
            uitvoer = cel(EERSTE_RIJ + 1 + i, kolom_van[sleutel], UITVOER)
            boek.formule(ws, rij, k0 + 1, uitvoer, None if sw is None else rond_euro(sw), boek.opmaak(soort))
            verschil = None if bw is None or sw is None else rond_euro(sw) - rond_euro(bw)
            a, c = cel(rij, k0), cel(rij, k0 + 1)
            boek.formule(ws, rij, k0 + 2, f'IF(OR({a}="",{c}=""),"",{c}-{a})', verschil, boek.opmaak("euro"))
    ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True})
