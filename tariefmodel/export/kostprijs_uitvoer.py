"""Bladen Uitvoer en Controle van de kostprijsexport (rekenmethode.md §1.6-1.7).

Uitvoer rondt elk eurobedrag af met ROUND(…, 2), half van nul af, zoals §1.7 en ``rond_euro``.
Controle bevat verschillen die 0 moeten zijn; elk verschil groter dan ``controle_marge`` telt als afwijking.
"""

from __future__ import annotations

from dataclasses import dataclass

from tariefmodel.afronding import rond_euro
from tariefmodel.export.controle import Check, schrijf_controleblad
from tariefmodel.export.kostprijs_berekening import Berekening, bedragen, som_als
from tariefmodel.export.kostprijs_invoer import Plaatsen
from tariefmodel.export.opmaak import EERSTE_RIJ, Boek, cel
from tariefmodel.kostprijs.berekening import KostprijsResultaat
from tariefmodel.kostprijs.invoer import OVERHEAD

UITVOER = "Uitvoer"


@dataclass(frozen=True)
class Kolom:
    kop: str
    sleutel: str  # rij in het productblok van Berekening
    soort: str = "euro"
    afronden: bool = True


KOLOMMEN = (
    Kolom("Kostprijs per eenheid", "kostprijs"), Kolom("Gemeentetarief", "tarief"),
    Kolom("Verschil per eenheid", "verschil"), Kolom("Integrale kosten", "I"), Kolom("Opbrengst", "opbrengst"),
    Kolom("Tekort", "tekort", "tekort"), Kolom("Dekkingsgraad", "dekking", "procent1", False),
    Kolom("Kostprijs per plaats per jaar", "per_plaats"), Kolom("Kostprijs per uur", "per_uur"),
    Kolom("Loonkosten", "loon"), Kolom("Overige directe kosten", "overig"), Kolom("Directe kosten", "D"),
    Kolom("Overhead", "OH"), Kolom("Risico-opslag", "risico"), Kolom("Normvolume", "V", "getal", False),
    Kolom("Gerealiseerd volume", "real", "getal", False), Kolom("FTE", "fte", "getal", False),
)
TOTALEN = ("I", "opbrengst", "tekort", "loon", "overig", "D", "OH", "risico", "fte")
VASTE_KOLOMMEN = 4  # Code, Naam, Soort, Eenheid


def _waarde(p, sleutel: str, r: KostprijsResultaat):
    """De Python-waarde van een uitvoerkolom (zelfde bron als ``naar_json``)."""
    return {
        "kostprijs": p.kostprijs, "tarief": p.gemeentetarief, "verschil": p.verschil_per_eenheid,
        "I": p.integrale_kosten, "opbrengst": p.opbrengst, "tekort": p.tekort, "dekking": p.dekkingsgraad,
        "per_plaats": p.kostprijs_per_plaats_per_jaar, "per_uur": p.kostprijs_per_uur, "loon": p.loonkosten,
        "overig": p.overige_directe_kosten, "D": p.directe_kosten, "OH": p.overhead, "risico": p.risico,
        "V": p.normvolume, "real": p.gerealiseerd_volume, "fte": p.fte,
    }[sleutel]


def afgerond(verwijzing: str) -> str:
    """§1.7: ROUND(x, 2); een lege cel (geen gemeentetarief) blijft leeg."""
    return f'IF({verwijzing}="","",ROUND({verwijzing},2))'


def schrijf_uitvoer(boek: Boek, r: KostprijsResultaat, b: Berekening, plaatsen: Plaatsen) -> dict[str, str]:
    """Blad Uitvoer; geeft de adressen van de totalen (voor Controle)."""
    ws = boek.blad(UITVOER, "Kostprijs, gemeentetarief en tekort per product (rekenmethode §1.6). Eurobedragen "
                   "afgerond op centen met ROUND(…; 2) (§1.7); lege cel = geen gemeentetarief; lege rij = "
                   "reserve voor een nieuw product.", [12, 36, 10, 10] + [16] * len(KOLOMMEN))
    boek.kopregel(ws, EERSTE_RIJ, ["Code", "Naam", "Soort", "Eenheid"] + [k.kop for k in KOLOMMEN])
    ws.set_row(EERSTE_RIJ, 45)
    ws.freeze_panes(EERSTE_RIJ + 1, 2)
    ws.repeat_rows(EERSTE_RIJ)
    for kolom, kol in enumerate(KOLOMMEN, start=VASTE_KOLOMMEN):
        if kol.soort == "tekort":  # "€ 1.234.567,89 overschot": breed genoeg, nooit ###
            ws.set_column(kolom, kolom, 26)
    pr = b.producten
    for k in range(b.aantal):
        p = r.producten[k] if k < len(r.producten) else None
        rij = EERSTE_RIJ + 1 + k
        naam = cel(plaatsen.producten.rij(k), 1, plaatsen.producten.blad)
        for kolom, (sleutel, waarde) in enumerate([("code", p and p.code), (None, p and p.product.naam),
                                                    ("soort", p and p.product.soort),
                                                    ("eenheid", p and p.product.eenheid)]):
            bron = pr.cel(sleutel, k, blad=True) if sleutel else f'IF({pr.cel("code", k, True)}="","",{naam}&"")'
            boek.formule(ws, rij, kolom, bron, waarde or "", boek.opmaak(vet=kolom == 0))
        for kolom, kol in enumerate(KOLOMMEN, start=VASTE_KOLOMMEN):
            bron = pr.cel(kol.sleutel, k, blad=True)
            waarde = _waarde(p, kol.sleutel, r) if p else None
            boek.formule(ws, rij, kolom, afgerond(bron) if kol.afronden else bron,
                         rond_euro(waarde) if kol.afronden and waarde is not None else waarde, boek.opmaak(kol.soort))
    laatste = EERSTE_RIJ + 1 + b.aantal
    ws.protect("", {"format_cells": True, "format_columns": True, "format_rows": True})
    ws.print_area(0, 0, laatste + 10, VASTE_KOLOMMEN + len(KOLOMMEN) - 1)
    return _totalen(boek, ws, r, b, laatste)


def _totalen(boek: Boek, ws, r: KostprijsResultaat, b: Berekening, rij: int) -> dict[str, str]:
    boek.tekst(ws, rij, 0, "Totaal", boek.opmaak(vet=True, top=1))
    boek.tekst(ws, rij, 1, "tarief, opbrengst en tekort: alleen producten met een gemeentetarief",
               boek.opmaak(italic=True, top=1))
    adressen = {}
    for kolom, kol in enumerate(KOLOMMEN, start=VASTE_KOLOMMEN):
        if kol.sleutel not in TOTALEN:
            ws.write_blank(rij, kolom, None, boek.opmaak(top=1))
            continue
        waarde = sum(_waarde(p, kol.sleutel, r) or 0.0 for p in r.producten)
        bron = b.producten.totaal(kol.sleutel)
        boek.formule(ws, rij, kolom, f"ROUND({bron},2)" if kol.afronden else bron,
                     rond_euro(waarde) if kol.afronden else waarde, boek.opmaak(kol.soort, vet=True, top=1))
        adressen[kol.sleutel] = cel(rij, kolom, UITVOER, absoluut=True)
    _kerncijfers(boek, ws, r, rij + 2)
    return adressen


def _kerncijfers(boek: Boek, ws, r: KostprijsResultaat, rij: int) -> None:
    boek.sectie(ws, rij, "Kerncijfers")
    u = r.uren
    regels = [
        ("Overheadpercentage (O / Σ D)", "overhead_percentage", r.overhead_percentage, "procent1"),
        ("Overheadmethode", "overhead_methode", r.invoer.waarde("overhead_methode"), "tekst"),
        ("Beschikbare uren per fte", "uren_beschikbaar", u.beschikbaar, "uren"),
        ("Inzetbare uren per fte", "uren_inzetbaar", u.inzetbaar, "uren"),
        ("Directe uren per fte", "uren_direct", u.direct, "uren"),
        ("Fte per 24/7-post", "fte_per_24_7_post", u.fte_per_24_7_post, "getal"),
        ("Afwijkingen in blad Controle (moet 0 zijn)", "controle_afwijkingen", 0, "geheel"),
    ]
    for k, (label, naam, waarde, soort) in enumerate(regels, start=1):
        boek.tekst(ws, rij + k, 1, label)
        boek.formule(ws, rij + k, VASTE_KOLOMMEN, naam, waarde, boek.opmaak(soort, vet=True))


def schrijf_controle(boek: Boek, r: KostprijsResultaat, b: Berekening, plaatsen: Plaatsen,
                     totalen: dict[str, str], meerjaren_checks: list[Check]) -> None:
    """Blad Controle: elk verschil moet 0 zijn (FAST-checks)."""
    schrijf_controleblad(boek, _checks(r, b, plaatsen, totalen) + meerjaren_checks)


def _checks(r: KostprijsResultaat, b: Berekening, plaatsen: Plaatsen, totalen: dict[str, str]) -> list[Check]:
    pers, pr = b.personeel, b.producten
    som_k = sum(g.kosten for g in r.regels)
    som_bedrag = sum(k.bedrag for k in r.invoer.kosten)
    som_oh = sum(p.overhead for p in r.producten)
    sumproduct = f"SUMPRODUCT({pers.bereik('f', True)},{pers.bereik('L', True)})"
    norm = r.invoer.waarde("overhead_methode") == "norm"
    p_ = r.parameters
    onafhankelijk = (r.som_directe_kosten * (1 + p_["overhead_norm"]) if norm else som_k + som_bedrag)
    checks = [
        Check("Alle kosten verdeeld: Σ directe kosten + overheadpool = Σ K_r (alle regels) + Σ Bedrag (Kosten)",
              "som_directe_kosten+overhead_pool", r.som_directe_kosten + r.overhead_pool,
              f"{pers.som_cel('K')}+SUM({bedragen(plaatsen, 3)})", som_k + som_bedrag),
        Check("Loonkosten langs een tweede weg: SUMPRODUCT(FTE; L) = Σ K_r", sumproduct, som_k,
              pers.som_cel("K"), som_k),
        Check("Overhead verdeeld: Σ OH_p = overheadpool (werkelijk) of overhead_norm · Σ D_p (norm)",
              pr.totaal("OH"), som_oh,
              "IF(overhead_methode=methode_norm,overhead_norm*som_directe_kosten,overhead_pool)", som_oh),
        Check("Σ I_p = (Σ D_p + Σ OH_p) · (1 + risico_opslag)", pr.totaal("I"), r.integrale_kosten,
              f"({pr.totaal('D')}+{pr.totaal('OH')})*(1+risico_opslag)", r.integrale_kosten),
        Check("Uitvoer: totaal integrale kosten = afgerond langs een onafhankelijke route (Invoer, zonder verdeling)",
              totalen["I"], rond_euro(r.integrale_kosten),
              f"ROUND(IF(overhead_methode=methode_norm,som_directe_kosten*(1+overhead_norm),"
              f"{sumproduct}+SUM({bedragen(plaatsen, 3)}))*(1+risico_opslag),2)",
              rond_euro(onafhankelijk * (1 + p_["risico_opslag"]))),
    ]
    checks += invoerchecks(r, b, plaatsen)
    for k in range(b.aantal):
        checks += _productchecks(k, r.producten[k] if k < len(r.producten) else None, b)
    return checks


def invoerchecks(r: KostprijsResultaat, b: Berekening, plaatsen: Plaatsen) -> list[Check]:
    """Onafhankelijk van de berekening: tellingen en sommen rechtstreeks uit de invoerbladen (de hele kolom,
    ook onder de reserverijen) tegen wat Berekening gebruikte. Een genegeerde regel maakt dit ≠ 0."""
    pers, pr = b.personeel, b.producten
    pp, pk, pl = plaatsen.personeel, plaatsen.kosten, plaatsen.producten
    fte_oh = sum(g.regel.fte for g in r.regels if g.regel.product == OVERHEAD)
    som_fte = sum(g.regel.fte for g in r.regels)
    kosten_oh = sum(k.bedrag for k in r.invoer.kosten if k.product == OVERHEAD)
    som_bedrag = sum(k.bedrag for k in r.invoer.kosten)
    return [
        Check("Producten: aantal codes in Invoer (ook onder de reserverijen) = aantal productkolommen in Berekening",
              f"COUNTA({pl.hele_kolom(0)})", len(r.producten),
              f'SUMPRODUCT(({pr.bereik("code", True)}<>"")*1)', len(r.producten)),
        Check("Personeel: aantal regels in blad Personeel (ook onder de reserverijen) = aantal regels in Loonkosten",
              f"COUNTA({pp.hele_kolom(0)})", len(r.regels),
              f'SUMPRODUCT(({pers.bereik("product", True)}<>"")*1)', len(r.regels)),
        Check("Personeel: Σ FTE in blad Personeel (ook onder de reserverijen) = Σ FTE van de producten + overhead",
              f"SUM({pp.hele_kolom(4)})", som_fte,
              f"{pr.totaal('fte')}+{som_als(pers.bereik('product', True), 'code_overhead', pers.bereik('f', True))}",
              som_fte if fte_oh is not None else 0.0),
        Check("Personeel: regels met FTE > 0 zonder maandsalaris (schaal/trede niet in Salaristabel)",
              f"SUMPRODUCT(({pers.bereik('f', True)}>0)*({pers.bereik('m', True)}<=0))", 0.0, "0", 0.0),
        Check("Kosten: aantal regels in blad Kosten (ook onder de reserverijen) = aantal regels in de berekening",
              f"COUNTA({pk.hele_kolom(0)})", len(r.invoer.kosten),
              f'SUMPRODUCT(({bedragen(plaatsen, 0)}<>"")*1)', len(r.invoer.kosten)),
        Check("Kosten: Σ Bedrag in blad Kosten (ook onder de reserverijen) = Σ overige directe kosten + overhead overige kosten",
              f"SUM({pk.hele_kolom(3)})", som_bedrag, f"{pr.totaal('overig')}+overhead_pool_kosten",
              sum(p.overige_directe_kosten for p in r.producten) + kosten_oh),
    ]


def _productchecks(k: int, p, b: Berekening) -> list[Check]:
    """Per productkolom (ook reserve); een lege of tariefloze kolom telt als 0 (IF), nooit als foutwaarde."""
    c, o = b.producten.cel, b.opbouw.cel
    rij = EERSTE_RIJ + 1 + k
    uitvoer_kostprijs = cel(rij, VASTE_KOLOMMEN, UITVOER)
    code = c("code", k, True)
    if p is None:
        p = _LEEG
        factor = langs = 0.0
    else:
        factor = p.product.uren_per_traject if p.product.eenheid == "traject" else 1.0
        langs = p.kostprijs_per_plaats_per_jaar * p.product.plaatsen / p.normvolume \
            if p.product.soort == "opvang" else p.kostprijs_per_uur * factor

    def als(formule, voorwaarde=f'{code}=""'):
        return f"IF({voorwaarde},0,{formule})"

    naam = p.code or f"productkolom {k + 1}"
    tarief_leeg = f'OR({code}="",{c("tarief", k, True)}="")'
    checks = [
        Check(f"{naam}: kostprijs × normvolume / uren per eenheid = integrale kosten",
              als(f"{c('kostprijs', k, True)}*{c('V', k, True)}/{o('factor', k, True)}"),
              p.kostprijs * p.normvolume / factor if factor else 0.0, als(c("I", k, True)), p.integrale_kosten),
        Check(f"{naam}: de opbouw (waterval) telt op tot de kostprijs", als(o("som", k, True)), p.kostprijs,
              als(c("kostprijs", k, True)), p.kostprijs),
        Check(f"{naam}: Uitvoer-kostprijs = afgerond via kostprijs per plaats of per uur", als(uitvoer_kostprijs),
              rond_euro(p.kostprijs),
              als(f"ROUND(IF({c('soort', k, True)}=soort_opvang,{c('per_plaats', k, True)}*{c('N', k, True)}/"
                  f"{c('V', k, True)},{c('per_uur', k, True)}*{o('factor', k, True)}),2)"), rond_euro(langs)),
        Check(f"{naam}: opbrengst + tekort = integrale kosten (0 zonder gemeentetarief)",
              als(f"{c('opbrengst', k, True)}+{c('tekort', k, True)}", tarief_leeg),
              (p.opbrengst + p.tekort) if p.tekort is not None else 0.0,
              als(c("I", k, True), tarief_leeg), p.integrale_kosten if p.tekort is not None else 0.0),
    ]
    return checks


@dataclass(frozen=True)
class _Leeg:
    """Waarden van een lege reservekolom (alle controles 0)."""

    code: str = ""
    kostprijs: float = 0.0
    normvolume: float = 0.0
    integrale_kosten: float = 0.0
    opbrengst: float = 0.0
    tekort: float | None = None


_LEEG = _Leeg()
