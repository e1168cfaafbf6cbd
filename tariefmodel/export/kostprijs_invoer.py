"""Invoerbladen van de kostprijsexport (FAST: invoer apart, elke scalar een benoemde cel).

Invoer (Producten), Personeel, Kosten en Salaristabel tonen de werkboekregels zoals gelezen, elk met
ruim reserverijen eronder: een regel die de controller onder een tabel typt, telt mee (issue 13).
Elke invoercel heeft gegevensvalidatie met de grenzen en keuzelijsten van de intake
(tariefmodel/werkboek/kostprijs.py). Parameters toont elke parameter van rekenmethode.md §1 met
eenheid, status, bron en zijn toegestane bereik, plus de vaste getallen en codes van de formules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from tariefmodel.export.opmaak import (
    EERSTE_RIJ,
    MAX_RIJEN,
    Boek,
    NietTeExporteren,
    cel,
    kolombereik,
)
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
from tariefmodel.kostprijs.salaris import maandbedrag
from tariefmodel.kostprijs.uren import UREN_PER_JAAR_24_7
from tariefmodel.parameters import cao_tabellen, definities
from tariefmodel.uitgangspunten import standaard

INVOER = "Invoer"
PERSONEEL = "Personeel"
KOSTEN = "Kosten"
SALARISTABEL = "Salaristabel"
KOLOMMEN_PRODUCTEN = ["Code", "Naam", "Soort", "Eenheid", "Plaatsen", "Werkelijke bezetting", "Uren per traject",
                      "Trajecten per jaar", "Gemeentetarief", "Bezettingsnorm (leeg = Uitgangspunten)", "Werkboekrij"]
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
                           [14, 42, 12, 12, 12, 14, 14, 14, 16, 16, 12],
                           [([p.code, p.naam, p.soort, p.eenheid], [p.plaatsen, p.werkelijke_bezetting,
                             p.uren_per_traject, p.trajecten_per_jaar, p.gemeentetarief, p.bezettingsnorm, p.rij],
                             ["getal", "procent1", "uren", "getal", "euro", "procent1", "geheel"])
                            for p in i.producten],
                           RESERVE_PRODUCTEN, [None, None, "lijst_soort", "lijst_eenheid", "ge0", "ge0", "gt0", "ge0",
                                               "ge0", "fractie"])
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
    salaris = schrijf_salaristabel(boek, r)
    return Plaatsen(producten, personeel, kosten, salaris)


def _eigen_salaris(g) -> float | None:
    """Alleen een maandsalaris dat in Personeel zelf stond; anders leeg (de formule zoekt in Salaristabel)."""
    return g.maandsalaris if g.salarisbron.startswith("werkboek (Personeel") else None


EXCEL_NUL = dt.date(1899, 12, 30)  # dag 0 van de Excel-datumtelling (opgeslagen waarde van DATE)


def schrijf_salaristabel(boek: Boek, r: KostprijsResultaat) -> Tabelplek:
    """Blad Salaristabel (rekenmethode §1.1 v2): per schaal en trede de gedateerde CAO-tabellen als invoer,
    het eigen bedrag van het werkboek (gaat voor) en het gebruikte maandsalaris = jaargemiddelde over het
    rekenjaar: Σ_j bedrag_j · (maanden van het rekenjaar waarin tabel j geldt op de 1e) / maanden_per_jaar.
    De maanden volgen de cel rekenjaar; benoemde bereiken salaris_schaal, salaris_trede, salaris_bedrag."""
    tabellen = cao_tabellen().tabellen
    n = len(tabellen)
    ws = boek.blad(SALARISTABEL, "Maandsalaris per schaal en trede (§1.1 v2): jaargemiddelde over het rekenjaar van "
                   "de CAO-tabellen (gele cellen), of het eigen bedrag van het werkboek. Typ een regel onder de tabel.",
                   [10, 10, 16, 16] + [14] * n + [70, 4, 8, 12, 10])
    boek.sectie(ws, EERSTE_RIJ, "Salaristabel")
    kol0, rij_nr, rij_datum, rij_maanden, kop = 4, EERSTE_RIJ + 1, EERSTE_RIJ + 2, EERSTE_RIJ + 3, EERSTE_RIJ + 4
    van = kop + 1
    eigen = dict(r.invoer.salaristabel)
    sleutels = list(dict.fromkeys([*tabellen[-1].bedragen, *eigen]))
    past(len(sleutels) + RESERVE_REGELS, van, f"blad {SALARISTABEL}")
    maand_kol = kol0 + n + 2
    maanden = kolombereik(SALARISTABEL, maand_kol + 2, van, van + 11)
    boek.tekst(ws, rij_nr, 3, "Tabel nr", boek.opmaak(vet=True))
    boek.tekst(ws, rij_datum, 3, "Geldig vanaf", boek.opmaak(vet=True))
    boek.tekst(ws, rij_maanden, 3, "Maanden in rekenjaar", boek.opmaak(vet=True))
    jaar = r.invoer.rekenjaar
    tabel_in_maand = [max([j for j, t in enumerate(tabellen) if t.datum <= dt.date(jaar, m, 1)] or [0]) + 1
                      for m in range(1, 13)]
    for j, t in enumerate(tabellen):
        ws.write_number(rij_nr, kol0 + j, j + 1)
        ws.write_datetime(rij_datum, kol0 + j, dt.datetime(t.datum.year, t.datum.month, t.datum.day),
                          boek.opmaak("datum", invoer=True))
        boek.formule(ws, rij_maanden, kol0 + j, f"SUMPRODUCT(({maanden}={cel(rij_nr, kol0 + j, absoluut=True)})*1)",
                     float(tabel_in_maand.count(j + 1)), boek.opmaak("geheel"))
    datums = f"{cel(rij_datum, kol0, absoluut=True)}:{cel(rij_datum, kol0 + n - 1, absoluut=True)}"
    gewichten = f"{cel(rij_maanden, kol0, absoluut=True)}:{cel(rij_maanden, kol0 + n - 1, absoluut=True)}"
    boek.kopregel(ws, kop, ["Schaal", "Trede", "Eigen bedrag (werkboek)", "Maandsalaris (gebruikt)"]
                  + [f"CAO {t.datum:%d-%m-%Y} ({t.status})" for t in tabellen] + ["Bron"])
    boek.kopregel(ws, kop, ["Maand", "1e van de maand", "Tabel nr"], kolom=maand_kol)
    for m in range(12):
        rij = van + m
        ws.write_number(rij, maand_kol, m + 1, boek.opmaak("geheel", invoer=True))
        boek.formule(ws, rij, maand_kol + 1, f"DATE(rekenjaar,{cel(rij, maand_kol)},1)",
                     float((dt.date(jaar, m + 1, 1) - EXCEL_NUL).days), boek.opmaak("datum"))
        boek.formule(ws, rij, maand_kol + 2, f"MAX(1,SUMPRODUCT(({datums}<={cel(rij, maand_kol + 1)})*1))",
                     float(tabel_in_maand[m]), boek.opmaak("geheel"))
    for i, (schaal, trede) in enumerate(sleutels + [("", "")] * RESERVE_REGELS):
        rij = van + i
        echt = i < len(sleutels)
        boek.waarde(ws, rij, 0, schaal or None, boek.opmaak(invoer=True))
        boek.waarde(ws, rij, 1, trede or None, boek.opmaak(invoer=True))
        boek.waarde(ws, rij, 2, eigen.get((schaal, trede)), boek.opmaak("euro", invoer=True))
        bedragen = [t.bedragen.get((schaal, trede)) if echt else None for t in tabellen]
        for j, bedrag in enumerate(bedragen):
            boek.waarde(ws, rij, kol0 + j, bedrag, boek.opmaak("euro", invoer=True))
        if not echt:
            gebruikt = 0.0
        elif (schaal, trede) in eigen:
            gebruikt = eigen[(schaal, trede)]
        else:
            gebruikt = maandbedrag(schaal, trede, jaar) or 0.0
        rij_bedragen = f"{cel(rij, kol0)}:{cel(rij, kol0 + n - 1)}"
        boek.formule(ws, rij, 3, f"IF(ISBLANK({cel(rij, 2)}),SUMPRODUCT({rij_bedragen},{gewichten})/maanden_per_jaar,"
                                 f"{cel(rij, 2)})", gebruikt, boek.opmaak("euro"))
        if echt:
            boek.tekst(ws, rij, kol0 + n, "werkboek (eigen Salaristabel)" if (schaal, trede) in eigen
                       else f"CAO Sociaal Werk; {tabellen[-1].bron}")
    tot = van + len(sleutels) + RESERVE_REGELS - 1
    for k, soort in ((2, "gt0"), *((kol0 + j, "gt0") for j in range(n))):
        ws.data_validation(van, k, tot, k, {**VALIDATIE[soort], "error_title": "Ongeldige invoer",
                                             "error_message": _melding(soort)})
    ws.freeze_panes(van, 2)
    ws.repeat_rows(kop)
    ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True, "insert_rows": True})
    ws.print_area(0, 0, tot, kol0 + n)
    plek = Tabelplek(SALARISTABEL, van, len(sleutels) + RESERVE_REGELS)
    for naam, kolom in (("salaris_schaal", 0), ("salaris_trede", 1), ("salaris_bedrag", 3)):
        boek.wb.define_name(naam, "=" + plek.bereik(kolom))
    _ort_grens(boek, ws, r, rij_nr)
    return plek


def _ort_grens(boek: Boek, ws, r: KostprijsResultaat, rij: int) -> None:
    """§1.1 v2: het ORT-plafond (maandbedrag van schaal ort_max_schaal, trede ort_max_trede) als benoemde cel."""
    if "ort_max_schaal" not in r.parameters or "ort_max_trede" not in r.parameters:
        return
    from tariefmodel.kostprijs.berekening import ort_grens

    grens = ort_grens(r.invoer, r.parameters)
    boek.tekst(ws, rij, 0, "ORT-plafond per maand (schaal ort_max_schaal, trede ort_max_trede)", boek.opmaak(vet=True))
    boek.formule(ws, rij + 1, 0, 'SUMPRODUCT((salaris_schaal&""=ort_max_schaal&"")*(salaris_trede&""=ort_max_trede&"")'
                 "*salaris_bedrag)", grens or 0.0, boek.opmaak("euro", vet=True))
    boek.noem("ort_grens", SALARISTABEL, rij + 1, 0)


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
    # v2 (rekenmethode §1.1, §1.6, §1.8)
    "werkgever_grootte", "maximum_premieloon", "arbeidsmarkttoeslag", "amt_schaal_min", "amt_schaal_max",
    "ort_max_schaal", "ort_max_trede", "bezettingsnorm_methode", "doel_weigerkans", "tarief_index_methode",
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
            if naam == "sociale_premies":
                premierij = rij - 1
    if "sociale_premies" in u and u["sociale_premies"].herkomst == "standaard" and "werkgever_grootte" in u:
        rij = _premies_per_grootte(boek, ws, rij, premierij, r)
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


def _premies_per_grootte(boek: Boek, ws, rij: int, premierij: int, r: KostprijsResultaat) -> int:
    """Rekenmethode §1.1 v2 'Employer size': zet het werkboek sociale_premies niet zelf, dan is de cel
    sociale_premies een formule op werkgever_grootte (sociale_premies_groot / _klein, gedateerd), zodat een
    andere werkgever_grootte in de export de premie meeneemt."""
    for naam in ("sociale_premies_groot", "sociale_premies_klein"):
        u = replace(standaard(definities()[naam], r.invoer.rekenjaar), naam=naam)
        rij = parameterregel(boek, ws, rij, naam, u, u.waarde)
    waarde = r.parameters.get("sociale_premies")
    boek.formule(ws, premierij, 1, 'IF(werkgever_grootte="klein",sociale_premies_klein,sociale_premies_groot)',
                 waarde, boek.opmaak("procent"))
    boek.tekst(ws, premierij, 6, "Formule (rekenmethode §1.1 v2): sociale_premies_klein bij werkgever_grootte = klein, "
               "anders sociale_premies_groot. Een eigen waarde: zet sociale_premies in het invoerwerkboek.")
    return rij


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
