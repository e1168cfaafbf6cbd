"""Bladen Invoer en Parameters van de landelijke export (werkboekformaat.md, 'Landelijk werkboek').

Invoer toont Regio's (met de maatstaven), Maatstaven, Overgang, DUVO en Plaatsingen zoals gelezen, met
lege gele reserverijen onder Regio's, Overgang, DUVO en Plaatsingen: een regel die de controller daar typt,
telt mee (issue 13). Onder elke reserve liggen NAKIJKEN lege rijen die blad Controle meetelt: een regel
daar slaat aan. Elke invoercel heeft gegevensvalidatie met de grenzen van de intake (werkboek/landelijk.py).
Parameters: elke parameter van rekenmethode §2 als benoemde cel met status en bron.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tariefmodel.export.opmaak import EERSTE_RIJ, Boek, beveilig, kolombereik
from tariefmodel.export.parameters import parameterblad, parameterregel, schrijf_vaste_getallen
from tariefmodel.landelijk import LandelijkResultaat
from tariefmodel.landelijk.capaciteit import AFROND_TOLERANTIE
from tariefmodel.landelijk.verdeelmodel import HALVE_CENT
from tariefmodel.uitgangspunten import Uitgangspunt
from tariefmodel.werkboek.landelijk import (
    JAAR_MAX,
    JAAR_MIN,
    MAX_CLIENTEN,
    MAX_INWONERS,
    MAX_PLAATSEN,
    MAX_VERBLIJFSDUUR,
)
from tariefmodel.werkboek.lezen import normaliseer

INVOER = "Invoer"
REGIO_KOLOMMEN = ["Centrumgemeente", "Inwoners", "Plaatsen", "Cliënten per jaar", "Gemiddelde verblijfsduur",
                  "Historisch budget"]
PARAMETERVOLGORDE = ("rekenjaar", "concept", "illustratief", "kosten_per_plaats", "reactie_nadeel",
                     "reactie_voordeel", "max_verlies", "bezettingsnorm", "doel_weigerkans", "dagen_per_jaar",
                     "istanbul_inwoners_per_plaats", "kosten_per_plaatsing", "doel_wachttijd", "gevoeligheid_bezetting")


# Reserverijen onder de tabellen (issue 13: een regel getypt onder een tabel telt mee).
RESERVE = {"Regio's": 25, "Overgang": 6, "DUVO": 60, "Plaatsingen": 60}
NAKIJKEN = 4  # lege rijen onder elke reserve die Controle meetelt: een regel daar slaat aan

# Gegevensvalidatie zoals de intake (RegioRegel, MaatstafRegel, OvergangRegel, DuvoRegelModel, PlaatsingRegel).
VALIDATIE = {
    "inwoners": ({"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": MAX_INWONERS},
                 f"groter dan 0 en hoogstens {MAX_INWONERS:,}".replace(",", ".")),
    "plaatsen": ({"validate": "integer", "criteria": "between", "minimum": 0, "maximum": MAX_PLAATSEN},
                 f"een geheel getal van 0 tot en met {MAX_PLAATSEN:,}".replace(",", ".")),
    "clienten": ({"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": MAX_CLIENTEN},
                 f"0 tot en met {MAX_CLIENTEN:,}".replace(",", ".")),
    "duur": ({"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": MAX_VERBLIJFSDUUR},
             f"groter dan 0 en hoogstens {MAX_VERBLIJFSDUUR:,} dagen".replace(",", ".")),
    "ge0": ({"validate": "decimal", "criteria": ">=", "value": 0}, "0 of meer"),
    "gt0": ({"validate": "decimal", "criteria": ">", "value": 0}, "groter dan 0"),
    "fractie": ({"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1},
                "een fractie van 0 tot en met 1 (0% tot 100%)"),
    "jaar": ({"validate": "integer", "criteria": "between", "minimum": JAAR_MIN, "maximum": JAAR_MAX},
             f"een jaar van {JAAR_MIN} tot en met {JAAR_MAX}"),
}


@dataclass
class Plaatsen:
    """Rijen (0-gebaseerd) van de invoertabellen in blad Invoer, voor de formules; inclusief reserverijen."""

    regios: list[int] = field(default_factory=list)
    maatstaven: list[int] = field(default_factory=list)  # rij in tabel Maatstaven
    maatstafkolom: dict[str, int] = field(default_factory=dict)  # kolom van de maatstaf in tabel Regio's
    overgang: list[int] = field(default_factory=list)
    duvo: list[int] = field(default_factory=list)
    plaatsingen: list[int] = field(default_factory=list)
    aantal_kolommen: dict[str, int] = field(default_factory=dict)  # tabel -> aantal kolommen

    def nakijkbereik(self, tabel: str, kolom: int) -> str:
        """Kolom ``kolom`` van ``tabel`` inclusief de reserve en de NAKIJKEN rijen eronder (voor Controle)."""
        rijen = {"Regio's": self.regios, "Overgang": self.overgang, "DUVO": self.duvo,
                 "Plaatsingen": self.plaatsingen}[tabel]
        return kolombereik(INVOER, kolom, rijen[0], rijen[-1] + NAKIJKEN)


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
        ["tekst", "aantal", "aantal", "aantal", "getal", "euro"] + ["getal"] * len(namen) + ["geheel"], pl.regios,
        [None, "inwoners", "plaatsen", "clienten", "duur", "ge0"] + ["ge0"] * len(namen))
    rij = _tabel(boek, ws, rij, "Maatstaven", ["Maatstaf", "Aandeel", "Werkboekrij"],
                 [[m.naam, m.aandeel, m.rij] for m in invoer.maatstaven], ["tekst", "procent", "geheel"],
                 pl.maatstaven, [None, "fractie"])
    beta = invoer.aandeel_verlies  # §2.1 (v2): alleen met de kolom Aandeel verlies (leeg jaar = 1)
    if beta is None:
        rij = _tabel(boek, ws, rij, "Overgang", ["Jaar", "Budget", "Aandeel objectief", "Werkboekrij"],
                     [[o.jaar, o.budget, o.aandeel_objectief, o.rij] for o in invoer.overgang],
                     ["geheel", "euro", "procent", "geheel"], pl.overgang, ["jaar", "gt0", "fractie"])
    else:
        rij = _tabel(boek, ws, rij, "Overgang", ["Jaar", "Budget", "Aandeel objectief", "Aandeel verlies",
                                                 "Werkboekrij"],
                     [[o.jaar, o.budget, o.aandeel_objectief, o.aandeel_verlies, o.rij]
                      for o in invoer.overgang],
                     ["geheel", "euro", "procent", "procent", "geheel"], pl.overgang,
                     ["jaar", "gt0", "fractie", "fractie"])
    if invoer.duvo:
        rij = _tabel(boek, ws, rij, "DUVO", ["Centrumgemeente", "Jaar", "Uitkering", "Besteding vrouwenopvang",
                                             "Besteding overig", "Werkboekrij"],
                     [[d.centrumgemeente, d.jaar, d.uitkering, d.besteding_vrouwenopvang, d.besteding_overig, d.rij]
                      for d in invoer.duvo], ["tekst", "geheel", "euro", "euro", "euro", "geheel"], pl.duvo,
                     [None, "jaar", "gt0", "ge0", "ge0"])
    if invoer.plaatsingen:
        _tabel(boek, ws, rij, "Plaatsingen", ["Herkomst", "Opvangregio", "Aantal", "Werkboekrij"],
               [[p.herkomst, p.opvangregio, p.aantal, p.rij] for p in invoer.plaatsingen],
               ["tekst", "tekst", "getal", "geheel"], pl.plaatsingen, [None, None, "ge0"])
    beveilig(ws, insert_rows=True, sort=True, autofilter=True)
    return pl


def _tabel(boek: Boek, ws, rij: int, titel: str, kopjes, regels, soorten, rijen: list[int], validatie) -> int:
    """Sectie, kopregel, de regels, RESERVE lege gele rijen (als de tabel kan groeien) en NAKIJKEN lege rijen;
    gegevensvalidatie per invoerkolom. Geeft de rij voor de volgende tabel."""
    reserve = RESERVE.get(titel, 0)
    boek.sectie(ws, rij, titel + (" (typ een nieuwe regel in een lege gele rij)" if reserve else ""))
    boek.kopregel(ws, rij + 1, kopjes)
    rij += 2
    van = rij
    invoerkolommen = len(kopjes) - 1  # de laatste kolom is Werkboekrij (geen invoer)
    for regel in regels:
        for k, (waarde, soort) in enumerate(zip(regel, soorten)):
            boek.waarde(ws, rij, k, waarde, boek.opmaak(soort, invoer=k < invoerkolommen))
        rijen.append(rij)
        rij += 1
    for _ in range(reserve):
        for k in range(invoerkolommen):
            ws.write_blank(rij, k, None, boek.opmaak(soorten[k], invoer=True))
        rijen.append(rij)
        rij += 1
    for k, soort in enumerate(validatie):
        if soort:
            regel, uitleg = VALIDATIE[soort]
            ws.data_validation(van, k, rij - 1, k, {**regel, "error_title": "Ongeldige invoer",
                                                     "error_message": f"{kopjes[k]}: {uitleg}."[:250]})
    return rij + (NAKIJKEN if reserve else 1)


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
