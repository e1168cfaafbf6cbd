"""Invoerbladen van de kostprijsexport (FAST: invoer apart, elke scalar een benoemde cel).

Invoer (Producten), Personeel, Kosten en Salaristabel tonen de werkboekregels zoals gelezen, elk met
ruim reserverijen eronder: een regel die de controller onder een tabel typt, telt mee (issue 13).
Elke invoercel heeft gegevensvalidatie met de grenzen en keuzelijsten van de intake
(tariefmodel/werkboek/kostprijs.py). Parameters toont elke parameter van rekenmethode.md §1 met
eenheid, status, bron en zijn toegestane bereik, plus de vaste getallen en codes van de formules.
"""

from __future__ import annotations

from dataclasses import dataclass

from tariefmodel.export.opmaak import EERSTE_RIJ, MAX_RIJEN, Boek, NietTeExporteren, kolombereik
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
from tariefmodel.parameters import cao_salaristabel

INVOER = "Invoer"
PERSONEEL = "Personeel"
KOSTEN = "Kosten"
SALARISTABEL = "Salaristabel"
KOLOMMEN_PRODUCTEN = ["Code", "Naam", "Soort", "Eenheid", "Plaatsen", "Werkelijke bezetting", "Uren per traject",
                      "Trajecten per jaar", "Gemeentetarief", "Werkboekrij"]
KOLOMMEN_PERSONEEL = ["Product", "Functie", "Schaal", "Trede", "FTE", "Maandsalaris (leeg = Salaristabel)", "ORT",
                      "Werkboekrij", "Bron maandsalaris"]
KOLOMMEN_KOSTEN = ["Product", "Omschrijving", "Kostensoort", "Bedrag", "Werkboekrij"]
KOLOMMEN_SALARIS = ["Schaal", "Trede", "Maandsalaris", "Bron"]

# Reserverijen onder elke tabel (issue 13: 'a row typed under a table counts').
RESERVE_PRODUCTEN = 10
RESERVE_REGELS = 50
JAREN_VOORUIT = 10  # indexreeksen ook voor een later rekenjaar (Meerjaren volgt de cel rekenjaar)
NAKIJKEN = 1000  # Controle telt ook zoveel rijen onder de reserve: een regel daar wordt gezien

# Gegevensvalidatie zoals de intake (ProductRegel, PersoneelRegel, KostenRegel, SalarisRegel).
GROOT = 1e12
VALIDATIE = {
    "lijst_soort": {"validate": "list", "source": ["opvang", "ambulant"]},
    "lijst_eenheid": {"validate": "list", "source": ["etmaal", "uur", "traject"]},
    "ge0": {"validate": "decimal", "criteria": ">=", "value": 0},
    "gt0": {"validate": "decimal", "criteria": ">", "value": 0},
    "fractie": {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1},
}


@dataclass
class Tabelplek:
    """Waar een invoertabel staat: blad, eerste regel (0-gebaseerd) en aantal rijen incl. reserve."""

    blad: str
    van: int
    aantal: int

    @property
    def tot(self) -> int:
        return self.van + self.aantal - 1

    def rij(self, i: int) -> int:
        return self.van + i

    def bereik(self, kolom: int) -> str:
        return kolombereik(self.blad, kolom, self.van, self.tot)

    def hele_kolom(self, kolom: int) -> str:
        """Vanaf de eerste regel tot NAKIJKEN rijen onder de reserve: ziet ook een regel onder de tabel."""
        return kolombereik(self.blad, kolom, self.van, self.tot + NAKIJKEN)


@dataclass
class Plaatsen:
    producten: Tabelplek
    personeel: Tabelplek
    kosten: Tabelplek
    salaris: Tabelplek


def past(aantal: int, van: int, wat: str) -> None:
    """Weiger (exit 2) wat niet in een Excel-blad past; nooit afkappen."""
    if van + aantal > MAX_RIJEN:
        raise NietTeExporteren(f"{wat}: {aantal} regels passen niet in een Excel-blad (hoogstens "
                               f"{MAX_RIJEN - van} inclusief reserverijen); de export is niet gemaakt")


def schrijf_invoer(boek: Boek, r: KostprijsResultaat) -> Plaatsen:
    """Bladen Invoer (Producten), Personeel, Kosten en Salaristabel (werkboekformaat.md)."""
    i = r.invoer
    producten = _tabelblad(boek, INVOER, "Producten", "Producten zoals gelezen (gele cellen). Typ een nieuw product "
                           "in een lege gele rij onder de tabel.", KOLOMMEN_PRODUCTEN,
                           [14, 42, 12, 12, 12, 14, 14, 14, 16, 12],
                           [([p.code, p.naam, p.soort, p.eenheid], [p.plaatsen, p.werkelijke_bezetting,
                             p.uren_per_traject, p.trajecten_per_jaar, p.gemeentetarief, p.rij],
                             ["getal", "procent1", "uren", "getal", "euro", "geheel"]) for p in i.producten],
                           RESERVE_PRODUCTEN, [None, None, "lijst_soort", "lijst_eenheid", "ge0", "ge0", "gt0", "ge0",
                                               "ge0"])
    personeel = _tabelblad(boek, PERSONEEL, "Personeel", "Personeel zoals gelezen. Maandsalaris leeg: het salaris "
                           "komt uit blad Salaristabel op Schaal en Trede. Typ een nieuwe regel onder de tabel.",
                           KOLOMMEN_PERSONEEL, [14, 34, 8, 8, 10, 16, 10, 12, 44],
                           [([g.product, g.functie, g.schaal, g.trede],
                             [g.fte, _eigen_salaris(g), g.ort, g.rij, g.salarisbron],
                             ["getal", "euro", "procent", "geheel", "tekst"]) for g in i.personeel],
                           RESERVE_REGELS, [None, None, None, None, "ge0", "gt0", "fractie"])
    kosten = _tabelblad(boek, KOSTEN, "Kosten", "Kosten zoals gelezen. Typ een nieuwe regel onder de tabel.",
                        KOLOMMEN_KOSTEN, [14, 40, 20, 16, 12],
                        [([k.product, k.omschrijving, k.kostensoort], [k.bedrag, k.rij], ["euro", "geheel"])
                         for k in i.kosten], RESERVE_REGELS, [None, None, None, "ge0"])
    salaris = _tabelblad(boek, SALARISTABEL, "Salaristabel", "Maandsalaris (voltijd) per Schaal en Trede: de CAO-"
                         "tabel van het tool, met de eigen salaristabel van het werkboek (die gaat voor).",
                         KOLOMMEN_SALARIS, [10, 10, 16, 60],
                         [([s, t], [m, bron], ["euro", "tekst"]) for (s, t), (m, bron) in salaristabel(r).items()],
                         RESERVE_REGELS, [None, None, "gt0"])
    for naam, kolom in (("salaris_schaal", 0), ("salaris_trede", 1), ("salaris_bedrag", 2)):
        boek.wb.define_name(naam, "=" + salaris.bereik(kolom))
    return Plaatsen(producten, personeel, kosten, salaris)


def _eigen_salaris(g) -> float | None:
    """Alleen een maandsalaris dat in Personeel zelf stond; anders leeg (de formule zoekt in Salaristabel)."""
    return g.maandsalaris if g.salarisbron.startswith("werkboek (Personeel") else None


def salaristabel(r: KostprijsResultaat) -> dict[tuple[str, str], tuple[float, str]]:
    """(schaal, trede) -> (maandsalaris, bron): de meegeleverde CAO-tabel, met de eigen bedragen die het werkboek
    gebruikte (werkboek-Salaristabel gaat voor, zoals in de intake)."""
    tabel = {k: (v.maandsalaris, f"CAO Sociaal Werk {v.peildatum:%d-%m-%Y} ({v.status}) {v.bron}")
             for k, v in cao_salaristabel().items()}
    for g in r.invoer.personeel:
        if g.salarisbron.startswith("werkboek (Salaristabel") and g.schaal is not None:
            tabel[(g.schaal, g.trede)] = (g.maandsalaris, g.salarisbron)
    return tabel


def _tabelblad(boek: Boek, blad: str, titel: str, omschrijving: str, kopjes, breedtes, regels, reserve: int,
               validatie) -> Tabelplek:
    """Eén invoertabel op een eigen blad: sectie, kopregel, de regels en ``reserve`` lege gele rijen."""
    ws = boek.blad(blad, omschrijving, breedtes)
    boek.sectie(ws, EERSTE_RIJ, titel)
    boek.kopregel(ws, EERSTE_RIJ + 1, kopjes)
    van = EERSTE_RIJ + 2
    past(len(regels) + reserve, van, f"blad {blad}")
    ws.freeze_panes(van, 0)
    ws.repeat_rows(EERSTE_RIJ + 1)
    rij = van
    for teksten, getallen, soorten in regels:
        for k, tekst in enumerate(teksten):
            boek.waarde(ws, rij, k, None if tekst is None else str(tekst), boek.opmaak(invoer=True))
        for k, (waarde, soort) in enumerate(zip(getallen, soorten), start=len(teksten)):
            if soort == "tekst":
                boek.tekst(ws, rij, k, waarde, boek.opmaak(indent=1))
            else:
                boek.waarde(ws, rij, k, waarde, boek.opmaak(soort, invoer=soort != "geheel"))
        rij += 1
    soorten = (["tekst"] * len(regels[0][0]) + list(regels[0][2])) if regels else None
    tot = van + len(regels) + reserve - 1
    invoerkolommen = len(validatie)
    for k in range(invoerkolommen):
        soort = soorten[k] if soorten else "tekst"
        for leeg in range(rij, tot + 1):
            ws.write_blank(leeg, k, None, boek.opmaak(soort if soort != "tekst" else "tekst", invoer=True))
        if validatie[k]:
            ws.data_validation(van, k, tot, k, {**VALIDATIE[validatie[k]], "error_title": "Ongeldige invoer",
                                                 "error_message": _melding(validatie[k])})
    ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True, "insert_rows": True,
                    "sort": True, "autofilter": True})
    ws.print_area(0, 0, tot, len(kopjes) - 1)
    return Tabelplek(blad, van, len(regels) + reserve)


def _melding(soort: str) -> str:
    return {"lijst_soort": "Kies opvang of ambulant.", "lijst_eenheid": "Kies etmaal, uur of traject.",
            "ge0": "Vul een getal van 0 of meer in.", "gt0": "Vul een getal groter dan 0 in.",
            "fractie": "Vul een fractie tussen 0 en 1 in (0,15 = 15%)."}[soort]


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
class Parameterplek:
    """Rijen van de indexreeksen in Parameters (voor de opzoeking per jaar in Meerjaren)."""

    van: int
    tot: int
    gecontroleerd: list[str]


def schrijf_parameters(boek: Boek, r: KostprijsResultaat) -> Parameterplek:
    """Blad Parameters: elke scalar een benoemde cel met eenheid, status, bron en bereik (rekenmethode.md §1)."""
    ws, rij = parameterblad(boek, "Uitgangspunten (rekenmethode §1)")
    u = r.invoer.uitgangspunten
    gecontroleerd = []
    for naam in SCALAIRE_PARAMETERS:
        if naam in u:
            rij = parameterregel(boek, ws, rij, naam, u[naam], r.parameters.get(naam, u[naam].waarde))
            gecontroleerd.append(naam)
    rij = sectie(boek, ws, rij + 1, "Indexreeksen per jaar (rekenmethode §1.8; het rekenjaar zelf groeit niet). "
                 "Meerjaren zoekt het jaar op; ook jaren na de raming staan er, voor een later rekenjaar.")
    van = rij
    for sleutel, label in REEKSEN:
        for jaar in reeksjaren(r):
            gekozen = dict(zip(("cao_stijging", "prijsindex", "tariefindex"), indices(r, jaar)))[sleutel]
            rij = parameterregel(boek, ws, rij, f"{sleutel}_{jaar}", gekozen, gekozen.waarde,
                                 f"{label} {jaar}{_reeksnoot(sleutel, gekozen.naam)}")
            gecontroleerd.append(f"{sleutel}_{jaar}")
    plek = Parameterplek(van, rij - 1, gecontroleerd)
    boek.wb.define_name("reeks_naam", "=" + kolombereik("Parameters", 0, van, rij - 1))
    boek.wb.define_name("reeks_waarde", "=" + kolombereik("Parameters", 1, van, rij - 1))
    schrijf_vaste_getallen(boek, ws, rij + 1, vaste_getallen())
    ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True})
    return plek


def meerjaren_jaren(r: KostprijsResultaat) -> list[int]:
    """De jaren van de meerjarenraming (§1.8): het rekenjaar en de volgende jaren."""
    return [r.invoer.rekenjaar + k for k in range(int(r.parameters["meerjaren_jaren"]))]


def reeksjaren(r: KostprijsResultaat) -> list[int]:
    """Jaren met een indexwaarde in Parameters: de raming plus JAREN_VOORUIT (rekenjaar later gezet)."""
    return [r.invoer.rekenjaar + k for k in range(1, int(r.parameters["meerjaren_jaren"]) + JAREN_VOORUIT)]


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
