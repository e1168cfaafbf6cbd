"""Bladen Invoer en Parameters van de landelijke export (werkboekformaat.md, 'Landelijk werkboek').

Invoer toont Regio's (met de maatstaven), Maatstaven, Overgang, DUVO en Plaatsingen zoals gelezen;
Parameters elke parameter van rekenmethode §2 als benoemde cel met status en bron.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tariefmodel.export.opmaak import EERSTE_RIJ, Boek
from tariefmodel.export.parameters import parameterblad, parameterregel, schrijf_vaste_getallen
from tariefmodel.landelijk import LandelijkResultaat
from tariefmodel.landelijk.capaciteit import AFROND_TOLERANTIE
from tariefmodel.landelijk.verdeelmodel import HALVE_CENT
from tariefmodel.uitgangspunten import Uitgangspunt
from tariefmodel.werkboek.lezen import normaliseer

INVOER = "Invoer"
REGIO_KOLOMMEN = ["Centrumgemeente", "Inwoners", "Plaatsen", "Cliënten per jaar", "Gemiddelde verblijfsduur",
                  "Historisch budget"]
PARAMETERVOLGORDE = ("rekenjaar", "concept", "illustratief", "kosten_per_plaats", "reactie_nadeel",
                     "reactie_voordeel", "max_verlies", "bezettingsnorm", "doel_weigerkans", "dagen_per_jaar",
                     "istanbul_inwoners_per_plaats", "kosten_per_plaatsing", "doel_wachttijd", "gevoeligheid_bezetting")


@dataclass
class Plaatsen:
    """Rijen (0-gebaseerd) van de invoertabellen in blad Invoer, voor de formules."""

    regios: list[int] = field(default_factory=list)
    maatstaven: list[int] = field(default_factory=list)  # rij in tabel Maatstaven
    maatstafkolom: dict[str, int] = field(default_factory=dict)  # kolom van de maatstaf in tabel Regio's
    overgang: list[int] = field(default_factory=list)
    duvo: list[int] = field(default_factory=list)
    plaatsingen: list[int] = field(default_factory=list)


def schrijf_invoer(boek: Boek, r: LandelijkResultaat) -> Plaatsen:
    invoer = r.invoer
    ws = boek.blad(INVOER, "Invoer zoals gelezen uit het werkboek (gele cellen). Wijzig hier om door te rekenen.",
                   [24, 14, 12, 14, 14, 16] + [18] * len(invoer.maatstaven) + [12])
    pl = Plaatsen()
    vast = {normaliseer(k): i for i, k in enumerate(REGIO_KOLOMMEN)}
    # Een maatstaf die een vaste kolom is (bijv. Inwoners) leest die kolom: één cel per waarde (issue 13).
    namen = [m.naam for m in invoer.maatstaven if normaliseer(m.naam) not in vast]
    pl.maatstafkolom = {m.naam: vast[normaliseer(m.naam)] for m in invoer.maatstaven if normaliseer(m.naam) in vast}
    pl.maatstafkolom.update({naam: len(REGIO_KOLOMMEN) + k for k, naam in enumerate(namen)})
    rij = _tabel(boek, ws, EERSTE_RIJ, "Regio's", REGIO_KOLOMMEN + namen + ["Werkboekrij"], [
        [g.naam, g.inwoners, g.plaatsen, g.clienten, g.verblijfsduur, g.historisch_budget,
         *[g.maatstaven[n] for n in namen], g.rij] for g in invoer.regios],
        ["tekst", "aantal", "aantal", "aantal", "getal", "euro"] + ["getal"] * len(namen) + ["geheel"], pl.regios)
    rij = _tabel(boek, ws, rij, "Maatstaven", ["Maatstaf", "Aandeel", "Werkboekrij"],
                 [[m.naam, m.aandeel, m.rij] for m in invoer.maatstaven], ["tekst", "procent", "geheel"],
                 pl.maatstaven)
    beta = invoer.aandeel_verlies  # §2.1 (v2): alleen met de kolom Aandeel verlies (leeg jaar = 1)
    if beta is None:
        rij = _tabel(boek, ws, rij, "Overgang", ["Jaar", "Budget", "Aandeel objectief", "Werkboekrij"],
                     [[o.jaar, o.budget, o.aandeel_objectief, o.rij] for o in invoer.overgang],
                     ["geheel", "euro", "procent", "geheel"], pl.overgang)
    else:
        rij = _tabel(boek, ws, rij, "Overgang", ["Jaar", "Budget", "Aandeel objectief", "Aandeel verlies",
                                                 "Werkboekrij"],
                     [[o.jaar, o.budget, o.aandeel_objectief, b, o.rij] for o, b in zip(invoer.overgang, beta)],
                     ["geheel", "euro", "procent", "procent", "geheel"], pl.overgang)
    if invoer.duvo:
        rij = _tabel(boek, ws, rij, "DUVO", ["Centrumgemeente", "Jaar", "Uitkering", "Besteding vrouwenopvang",
                                             "Besteding overig", "Werkboekrij"],
                     [[d.centrumgemeente, d.jaar, d.uitkering, d.besteding_vrouwenopvang, d.besteding_overig, d.rij]
                      for d in invoer.duvo], ["tekst", "geheel", "euro", "euro", "euro", "geheel"], pl.duvo)
    if invoer.plaatsingen:
        _tabel(boek, ws, rij, "Plaatsingen", ["Herkomst", "Opvangregio", "Aantal", "Werkboekrij"],
               [[p.herkomst, p.opvangregio, p.aantal, p.rij] for p in invoer.plaatsingen],
               ["tekst", "tekst", "getal", "geheel"], pl.plaatsingen)
    return pl


def _tabel(boek: Boek, ws, rij: int, titel: str, kopjes, regels, soorten, rijen: list[int]) -> int:
    boek.sectie(ws, rij, titel)
    boek.kopregel(ws, rij + 1, kopjes)
    rij += 2
    for regel in regels:
        for k, (waarde, soort) in enumerate(zip(regel, soorten)):
            boek.waarde(ws, rij, k, waarde, boek.opmaak(soort, invoer=k < len(regel) - 1))
        rijen.append(rij)
        rij += 1
    return rij + 1


def schrijf_parameters(boek: Boek, r: LandelijkResultaat) -> None:
    ws, rij = parameterblad(boek, "Uitgangspunten (rekenmethode §2)")
    u = r.invoer.uitgangspunten
    for naam in PARAMETERVOLGORDE:
        if naam == "kosten_per_plaats":
            rij = parameterregel(boek, ws, rij, naam, _kosten_per_plaats(r), r.kosten_per_plaats)
        elif naam in u:
            rij = parameterregel(boek, ws, rij, naam, u[naam], u[naam].waarde)
    schrijf_vaste_getallen(boek, ws, rij + 1, VASTE_GETALLEN)


def _kosten_per_plaats(r: LandelijkResultaat) -> Uitgangspunt:
    """c: de parameter, of het lumpsum-equivalent uit een kostprijswerkboek (--kostprijs)."""
    u = r.invoer.uitgangspunten["kosten_per_plaats"]
    if u.waarde is not None and float(u.waarde) == r.kosten_per_plaats:
        return u
    return Uitgangspunt("kosten_per_plaats", r.kosten_per_plaats, u.eenheid, "KOSTPRIJS", r.kosten_per_plaats_bron,
                        "kostprijswerkboek")


VASTE_GETALLEN = [
    ("halve_cent", HALVE_CENT, "euro", "§2.2: een herverdeling kleiner dan een halve cent maakt geen winnaar of verliezer"),
    ("afrond_tolerantie", AFROND_TOLERANTIE, "plaatsen",
     "§2.4: ceil(A / bezettingsnorm) zonder dat afrondruis (10,000000000000002) een plaats extra geeft"),
    ("label_winnaar", "winnaar", "code", "§2.2: Δ > 0"),
    ("label_verliezer", "verliezer", "code", "§2.2: Δ < 0"),
    ("label_gelijk", "gelijk", "code", "§2.2: Δ op centen afgerond 0"),
    ("controle_marge", 0.005, "euro", "Blad Controle: een verschil kleiner dan een halve cent telt als 0"),
]
