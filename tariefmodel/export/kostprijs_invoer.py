"""Bladen Invoer en Parameters van de kostprijsexport (FAST: invoer apart, elke scalar een benoemde cel).

Invoer toont de werkboekregels zoals gelezen (met het gevonden maandsalaris en zijn bron);
Parameters toont elke parameter van rekenmethode.md §1 met eenheid, status (ESTIMATE / NOT FOUND
zichtbaar) en bron, plus de vaste getallen en codes die de formules gebruiken.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tariefmodel.export.opmaak import EERSTE_RIJ, Boek
from tariefmodel.export.parameters import (
    parameterblad,
    parameterregel,
    schrijf_vaste_getallen,
    sectie,
)
from tariefmodel.kostprijs.berekening import KostprijsResultaat
from tariefmodel.kostprijs.invoer import OVERHEAD
from tariefmodel.kostprijs.loon import MAANDEN_PER_JAAR
from tariefmodel.kostprijs.meerjaren import indices
from tariefmodel.kostprijs.uren import UREN_PER_JAAR_24_7

INVOER = "Invoer"
KOLOMMEN_PRODUCTEN = ["Code", "Naam", "Soort", "Eenheid", "Plaatsen", "Werkelijke bezetting", "Uren per traject",
                      "Trajecten per jaar", "Gemeentetarief", "Werkboekrij"]
KOLOMMEN_PERSONEEL = ["Product", "Functie", "Schaal", "Trede", "FTE", "Maandsalaris", "ORT", "Werkboekrij",
                      "Bron maandsalaris"]
KOLOMMEN_KOSTEN = ["Product", "Omschrijving", "Kostensoort", "Bedrag", "Werkboekrij"]

# Volgorde van de parameters zoals de rekenmethode ze gebruikt (§1.1, §1.2, §1.4-1.6, §1.8).
SCALAIRE_PARAMETERS = (
    "organisatie", "rekenjaar", "concept", "overhead_methode",
    "vakantietoeslag", "eindejaarsuitkering", "loopbaanbudget", "sociale_premies", "pensioen_werkgever",
    "pensioen_franchise", "overige_personeelskosten_per_fte",
    "jaaruren", "verlofuren", "feestdaguren", "verzuim", "scholing_overleg_uren", "directe_tijd_ambulant",
    "overhead_norm", "risico_opslag", "dagen_per_jaar", "bezettingsnorm", "meerjaren_jaren",
)
REEKSEN = (("cao_stijging", "CAO-loonstijging"), ("prijsindex", "Prijsindex materiële kosten"),
           ("tariefindex", "Indexatie gemeentetarief"))


@dataclass
class Plaatsen:
    """Waar de invoer staat (0-gebaseerde rijen in blad Invoer), voor de formules in Berekening."""

    producten: list[int] = field(default_factory=list)
    personeel: list[int] = field(default_factory=list)
    kosten_van: int = 0
    kosten_tot: int = 0


def schrijf_invoer(boek: Boek, r: KostprijsResultaat) -> Plaatsen:
    """Blad Invoer: Producten, Personeel en Kosten zoals gelezen (werkboekformaat.md)."""
    ws = boek.blad(INVOER, "Invoer zoals gelezen uit het werkboek (gele cellen). Wijzig hier om door te rekenen.",
                   [14, 42, 12, 12, 12, 14, 14, 14, 16, 40])
    plaatsen, rij = Plaatsen(), EERSTE_RIJ
    rij = _tabel(boek, ws, rij, "Producten", KOLOMMEN_PRODUCTEN, [
        ([p.code, p.naam, p.soort, p.eenheid], [p.plaatsen, p.werkelijke_bezetting, p.uren_per_traject,
                                                p.trajecten_per_jaar, p.gemeentetarief, p.rij],
         ["getal", "procent1", "uren", "getal", "euro", "geheel"]) for p in r.invoer.producten], plaatsen.producten)
    rij = _tabel(boek, ws, rij, "Personeel", KOLOMMEN_PERSONEEL, [
        ([g.product, g.functie, g.schaal, g.trede], [g.fte, g.maandsalaris, g.ort, g.rij, g.salarisbron],
         ["getal", "euro", "procent", "geheel", "tekst"]) for g in r.invoer.personeel], plaatsen.personeel)
    kosten: list[int] = []
    _tabel(boek, ws, rij, "Kosten", KOLOMMEN_KOSTEN, [
        ([k.product, k.omschrijving, k.kostensoort], [k.bedrag, k.rij], ["euro", "geheel"])
        for k in r.invoer.kosten], kosten)
    plaatsen.kosten_van = kosten[0] if kosten else rij + 2
    plaatsen.kosten_tot = kosten[-1] if kosten else rij + 2
    return plaatsen


def _tabel(boek: Boek, ws, rij: int, titel: str, kopjes, regels, rijen: list[int]) -> int:
    boek.sectie(ws, rij, titel)
    boek.kopregel(ws, rij + 1, kopjes)
    rij += 2
    for teksten, getallen, soorten in regels:
        for k, tekst in enumerate(teksten):
            boek.waarde(ws, rij, k, None if tekst is None else str(tekst), boek.opmaak(invoer=True))
        for k, (waarde, soort) in enumerate(zip(getallen, soorten), start=len(teksten)):
            if soort == "tekst":
                boek.tekst(ws, rij, k, waarde, boek.opmaak(indent=1))
            else:
                boek.waarde(ws, rij, k, waarde, boek.opmaak(soort, invoer=soort != "geheel"))
        rijen.append(rij)
        rij += 1
    if not regels:
        boek.tekst(ws, rij, 1, "(geen regels)")
        rij += 1
    return rij + 1


def schrijf_parameters(boek: Boek, r: KostprijsResultaat) -> None:
    """Blad Parameters: elke scalar een benoemde cel met eenheid, status en bron (rekenmethode.md §1)."""
    ws, rij = parameterblad(boek, "Uitgangspunten (rekenmethode §1)")
    u = r.invoer.uitgangspunten
    for naam in SCALAIRE_PARAMETERS:
        if naam in u:
            rij = parameterregel(boek, ws, rij, naam, u[naam], r.parameters.get(naam, u[naam].waarde))
    rij = sectie(boek, ws, rij + 1, "Indexreeksen per jaar (rekenmethode §1.8; het rekenjaar zelf groeit niet)")
    for sleutel, label in REEKSEN:
        for jaar in meerjaren_jaren(r)[1:]:
            gekozen = dict(zip(("cao_stijging", "prijsindex", "tariefindex"), indices(r, jaar)))[sleutel]
            rij = parameterregel(boek, ws, rij, f"{sleutel}_{jaar}", gekozen, gekozen.waarde,
                                 f"{label} {jaar}{_reeksnoot(sleutel, gekozen.naam)}")
    schrijf_vaste_getallen(boek, ws, rij + 1, vaste_getallen())


def meerjaren_jaren(r: KostprijsResultaat) -> list[int]:
    """De jaren van de meerjarenraming (§1.8): het rekenjaar en de volgende jaren."""
    return [r.invoer.rekenjaar + k for k in range(int(r.parameters["meerjaren_jaren"]))]


def _reeksnoot(sleutel: str, gekozen: str) -> str:
    if sleutel != "tariefindex":
        return ""
    return " (door de gemeente gekozen tarief_index)" if gekozen.startswith("tarief_index") else " (OVA)"


def vaste_getallen() -> list[tuple[str, object, str, str]]:
    return [
        ("maanden_per_jaar", MAANDEN_PER_JAAR, "maanden", "§1.1: jaarsalaris = 12 × maandsalaris (kalenderfeit)"),
        ("uren_per_jaar_24_7", UREN_PER_JAAR_24_7, "uren", "§1.2: 365 × 24 uur, voor fte per 24/7-post"),
        ("code_overhead", OVERHEAD, "code", "Productcode voor overhead in Personeel en Kosten (§1.3-1.4)"),
        ("soort_opvang", "opvang", "code", "Soort opvang (eenheid etmaal) (§1.6)"),
        ("eenheid_uur", "uur", "code", "Ambulant per uur (§1.6)"),
        ("eenheid_traject", "traject", "code", "Ambulant per traject (§1.6)"),
        ("methode_norm", "norm", "code", "overhead_methode voor de normmethode (§1.4)"),
        ("controle_marge", 0.005, "euro", "Blad Controle: een verschil kleiner dan een halve cent telt als 0"),
    ]
