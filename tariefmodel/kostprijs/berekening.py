"""Directe kosten, overhead, integrale kosten, kostprijs en tekort per product (rekenmethode.md §1.3-1.6).

Rekent onafgerond (§1.7: afronden gebeurt pas bij het rapporteren). Parameterwaarden mogen
numpy-arrays zijn: dan rekent dezelfde code alle scenario's tegelijk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields
from functools import cache, cached_property

import numpy as np

from tariefmodel.geheugen import geheugen_voor_reeksen
from tariefmodel.kostprijs import bezetting as bz
from tariefmodel.kostprijs import vectorieel as vec
from tariefmodel.kostprijs.invoer import OVERHEAD, KostprijsInvoer, Personeelsregel, Product
from tariefmodel.kostprijs.loon import Loonopbouw, krijgt_toeslag, loonopbouw
from tariefmodel.kostprijs.salaris import maandbedrag
from tariefmodel.kostprijs.uren import Uren, uren_per_fte


@dataclass(frozen=True)
class RegelResultaat:
    regel: Personeelsregel
    opbouw: Loonopbouw
    kosten: float  # K_r = f x L


@dataclass(frozen=True)
class ProductResultaat:
    product: Product
    fte: float
    jaarsalaris: float  # som f x S
    cao_opslagen: float  # som f x (VT + EJU + ORT + LB)
    werkgeverslasten: float  # som f x (SP + P + OP)
    loonkosten: float  # som K_r
    overige_directe_kosten: float  # som Bedrag uit Kosten
    directe_kosten: float  # D_p
    overhead: float  # OH_p
    overhead_personeel: float  # deel van OH_p dat loonkosten is (voor §1.8)
    risico: float  # I_p - (D_p + OH_p)
    integrale_kosten: float  # I_p
    normvolume: float  # eenheden waarover de kosten worden verdeeld
    directe_uren: float | None  # H_p (ambulant)
    kostprijs: float  # per etmaal / uur / traject
    kostprijs_per_uur: float | None
    kostprijs_per_plaats_per_jaar: float | None
    gerealiseerd_volume: float
    volume_geschat: bool  # traject zonder 'Trajecten per jaar': capaciteit H_p / uren per traject
    gemeentetarief: float | None
    verschil_per_eenheid: float | None
    opbrengst: float | None
    tekort: float | None
    dekkingsgraad: float | None
    # v2 (§1.6), opvang; None voor ambulant
    bezettingsnorm: float | None = None  # b_p
    bezettingsnorm_bron: str | None = None  # product / weigerkans / vast
    breakeven_bezetting: float | None = None
    bezetting_bij_doel_weigerkans: float | None = None  # ρ*(N, doel_weigerkans)
    kostprijs_bij_doel_weigerkans: float | None = None
    weigerkans_bij_norm: float | None = None

    @property
    def code(self) -> str:
        return self.product.code


@dataclass(frozen=True)
class KostprijsResultaat:
    invoer: KostprijsInvoer
    parameters: Mapping[str, float]
    uren: Uren
    producten: tuple[ProductResultaat, ...]
    overhead_pool: float  # O
    overhead_pool_personeel: float
    som_directe_kosten: float  # som D_q
    ort_grens: float | None = None  # v2: maandbedrag van het ORT-plafond (schaal 5 trede 11) in het rekenjaar

    @cached_property
    def regels(self) -> tuple[RegelResultaat, ...]:
        """§1.1 per personeelsregel, stap voor stap (loon.loonopbouw): de uitgelegde weg, pas bij gebruik."""
        return tuple(_regel(r, self.parameters, self.ort_grens) for r in self.invoer.personeel)

    @property
    def overhead_percentage(self):
        """§1.4: altijd gerapporteerd, O / som D_q (ook bij de normmethode)."""
        return self.overhead_pool / self.som_directe_kosten

    @property
    def integrale_kosten(self):
        return sum(p.integrale_kosten for p in self.producten)

    @property
    def met_tarief(self) -> tuple[ProductResultaat, ...]:
        return tuple(p for p in self.producten if p.gemeentetarief is not None)

    @property
    def opbrengst(self):
        return sum(p.opbrengst for p in self.met_tarief)

    @property
    def tekort(self):
        """Som van de tekorten van producten met een gemeentetarief (uitbreiding, zie docs)."""
        return sum(p.tekort for p in self.met_tarief)

    def product(self, code: str) -> ProductResultaat:
        return next(p for p in self.producten if p.code == code)


def bereken(invoer: KostprijsInvoer, parameters: Mapping[str, float] | None = None) -> KostprijsResultaat:
    """Rekenmethode §1.1-1.6 voor alle producten van ``invoer``, vectorieel over de personeelsregels
    (kostprijs/vectorieel.py). Dezelfde cijfers als ``bereken_uitgelegd``; ``regels`` komt pas bij gebruik."""
    if parameters and any(isinstance(w, np.ndarray) for w in parameters.values()):
        geheugen_voor_reeksen()  # scenario-reeksen: geheugen hergebruiken i.p.v. steeds opnieuw aanvragen
    p = {**_getallen(invoer), **(parameters or {})}
    uren = uren_per_fte(p)
    grens = ort_grens(invoer, p)
    som = vec.productsommen(invoer, p, grens)
    overig = _overige_kosten(invoer)
    kosten_per_product = {}
    for i, prod in enumerate(invoer.producten):
        k = vec.loonsommen(som, i, p)
        k["overig"] = overig.get(prod.code, 0.0)
        k["direct"] = k["loon"] + k["overig"]
        k["directe_uren"] = k["fte"] * uren.direct
        kosten_per_product[prod.code] = k
    pool_personeel = vec.loonsommen(som, len(invoer.producten), p)["loon"]
    return _resultaat(invoer, p, uren, grens, kosten_per_product, pool_personeel, None)


def bereken_uitgelegd(invoer: KostprijsInvoer, parameters: Mapping[str, float] | None = None) -> KostprijsResultaat:
    """Rekenmethode §1.1-1.6 stap voor stap: per personeelsregel de loonopbouw (§1.1), dan de sommen per product
    (§1.3). De referentie voor ``bereken`` (zelfde cijfers; tests/test_vectorieel.py)."""
    p = {**invoer.getallen(), **(parameters or {})}
    uren = uren_per_fte(p)
    grens = ort_grens(invoer, p)
    regels = tuple(_regel(r, p, grens) for r in invoer.personeel)
    kosten_per_product = _som_per_product(invoer, regels, uren)
    pool_personeel = sum(r.kosten for r in regels if r.regel.product == OVERHEAD)
    return _resultaat(invoer, p, uren, grens, kosten_per_product, pool_personeel, regels)


def _resultaat(invoer, p, uren, grens, kosten_per_product, pool_personeel, regels) -> KostprijsResultaat:
    """§1.4-1.6 na de sommen per product: overhead, integrale kosten, kostprijs en tekort."""
    pool = pool_personeel + _overige_kosten(invoer).get(OVERHEAD, 0.0)  # §1.4: O
    som_d = sum(k["direct"] for k in kosten_per_product.values())
    methode = invoer.waarde("overhead_methode")
    norm_methode = invoer.uitgangspunten["bezettingsnorm_methode"].waarde if "bezettingsnorm_methode" in \
        invoer.uitgangspunten else "vast"
    producten = tuple(
        _product(prod, kosten_per_product[prod.code], uren, p, methode, pool, pool_personeel, som_d, norm_methode)
        for prod in invoer.producten
    )
    resultaat = KostprijsResultaat(invoer, p, uren, producten, pool, pool_personeel, som_d, grens)
    if regels is not None:
        resultaat.__dict__["regels"] = regels  # al berekend (cached_property)
    return resultaat


def _getallen(invoer: KostprijsInvoer) -> dict:
    """invoer.getallen(), één keer per (onveranderlijke) invoer."""
    getallen = invoer.__dict__.get("_getallen")
    if getallen is None:
        getallen = invoer.__dict__["_getallen"] = invoer.getallen()
    return getallen


def _overige_kosten(invoer: KostprijsInvoer) -> dict[str, float]:
    """§1.3: som bedrag (blad Kosten) per product, OVERHEAD inbegrepen; één keer per invoer."""
    overig = invoer.__dict__.get("_overige_kosten")
    if overig is None:
        overig = invoer.__dict__["_overige_kosten"] = vec.som_per_code(invoer.kosten, "bedrag")
    return overig


def ort_grens(invoer: KostprijsInvoer, p):
    """§1.1 v2: het maandbedrag van het ORT-plafond (schaal ort_max_schaal, trede ort_max_trede) in het
    rekenjaar: uit het blad Salaristabel, anders het jaargemiddelde van de CAO-tabellen; None = geen plafond."""
    if "ort_max_schaal" not in p or "ort_max_trede" not in p:
        return None
    return maandbedrag(int(p["ort_max_schaal"]), int(p["ort_max_trede"]), invoer.rekenjaar, invoer.salaristabel)


def _regel(regel: Personeelsregel, p, grens) -> RegelResultaat:
    """§1.1: K_r = f x L."""
    toeslag = krijgt_toeslag(regel.schaal, regel.product, p)
    opbouw = loonopbouw(regel.maandsalaris, regel.ort, p, toeslag=toeslag, ort_grens=grens)
    return RegelResultaat(regel, opbouw, regel.fte * opbouw.loonkosten_per_fte)


def _som_per_product(invoer: KostprijsInvoer, regels, uren: Uren) -> dict[str, dict]:
    """§1.3: D_p = som K_r (regels van p) + som bedrag (Kosten van p). Eén doorloop over de regels."""
    eigen: dict[str, list[RegelResultaat]] = defaultdict(list)
    for r in regels:
        eigen[r.regel.product].append(r)
    overig = _overige_kosten(invoer)
    uit = {}
    for prod in invoer.producten:
        rs = eigen.get(prod.code, [])
        loon = sum(r.kosten for r in rs)
        uit[prod.code] = {
            "regels": rs, "loon": loon, "overig": overig.get(prod.code, 0.0), "direct": loon + overig.get(prod.code, 0.0),
            "fte": sum(r.regel.fte for r in rs),
            "salaris": sum(r.regel.fte * r.opbouw.jaarsalaris for r in rs),
            "cao": sum(r.regel.fte * r.opbouw.cao_opslagen for r in rs),
            "werkgever": sum(r.regel.fte * r.opbouw.werkgeverslasten for r in rs),
            "directe_uren": sum(r.regel.fte * uren.direct for r in rs),
        }
    return uit


def _overhead(direct, methode, pool, pool_personeel, som_d, loon, p):
    """§1.4: werkelijk = O x D_p / som D_q; norm = overhead_norm x D_p. Geeft (OH_p, loondeel van OH_p)."""
    if methode == "norm":
        oh = p["overhead_norm"] * direct
        return oh, (oh * loon / direct if _positief(direct) else 0.0)
    aandeel = direct / som_d
    return pool * aandeel, pool_personeel * aandeel


def _positief(x) -> bool:
    try:
        return bool(x > 0)
    except ValueError:  # numpy-array: alle scenario's
        return bool((x > 0).all())


def _product(prod: Product, k: dict, uren: Uren, p, methode, pool, pool_pers, som_d,
             norm_methode: str = "vast") -> ProductResultaat:
    d = k["direct"]
    oh, oh_loon = _overhead(d, methode, pool, pool_pers, som_d, k["loon"], p)
    integraal = (d + oh) * (1 + p["risico_opslag"])  # §1.5
    norm, norm_bron = (bz.normbezetting(prod.bezettingsnorm, prod.plaatsen, p, norm_methode)
                       if prod.soort == "opvang" else (None, None))
    volume, uren_p, per_uur, per_plaats, gerealiseerd, geschat = _volumes(prod, k, integraal, uren, p, norm)
    kostprijs = integraal / volume if prod.eenheid != "traject" else per_uur * prod.uren_per_traject
    tarief = prod.gemeentetarief
    opbrengst = None if tarief is None else tarief * gerealiseerd  # §1.6
    return _maak(ProductResultaat, dict(
        product=prod, fte=k["fte"], jaarsalaris=k["salaris"], cao_opslagen=k["cao"],
        werkgeverslasten=k["werkgever"], loonkosten=k["loon"], overige_directe_kosten=k["overig"],
        directe_kosten=d, overhead=oh, overhead_personeel=oh_loon, risico=integraal - d - oh,
        integrale_kosten=integraal, normvolume=volume, directe_uren=uren_p, kostprijs=kostprijs,
        kostprijs_per_uur=per_uur, kostprijs_per_plaats_per_jaar=per_plaats, gerealiseerd_volume=gerealiseerd,
        volume_geschat=geschat, gemeentetarief=tarief,
        verschil_per_eenheid=None if tarief is None else tarief - kostprijs,
        opbrengst=opbrengst, tekort=None if tarief is None else integraal - opbrengst,
        dekkingsgraad=None if tarief is None else opbrengst / integraal,
        **_opvang_v2(prod, integraal, norm, norm_bron, p),
    ))


def _maak(klasse, velden: dict):
    """Een frozen dataclass zonder __post_init__ maken zonder de gegenereerde __init__ (die elk veld via
    object.__setattr__ zet: ~5 µs voor 31 velden, de helft van ``bereken`` bij 10 producten). Velden die
    ontbreken krijgen hun standaardwaarde (zoals bij __init__; ook vars() is compleet)."""
    obj = object.__new__(klasse)
    obj.__dict__.update(_standaarden(klasse))
    obj.__dict__.update(velden)
    return obj


@cache
def _standaarden(klasse) -> dict:
    return {f.name: f.default for f in fields(klasse) if f.default is not MISSING}


def _opvang_v2(prod: Product, integraal, norm, norm_bron, p) -> dict:
    """§1.6 v2: break-even bezetting, kostprijs bij doel-weigerkans en weigerkans bij de norm (opvang)."""
    if prod.soort != "opvang":
        return {}
    rho = bz.rho_ster(prod.plaatsen, p["doel_weigerkans"]) if "doel_weigerkans" in p else None
    capaciteit = prod.plaatsen * p["dagen_per_jaar"]
    return {
        "bezettingsnorm": norm, "bezettingsnorm_bron": norm_bron,
        "breakeven_bezetting": bz.breakeven_bezetting(integraal, prod.plaatsen, p["dagen_per_jaar"],
                                                       prod.gemeentetarief),
        "bezetting_bij_doel_weigerkans": rho,
        "kostprijs_bij_doel_weigerkans": None if rho is None else integraal / (capaciteit * rho),
        "weigerkans_bij_norm": bz.weigerkans_bij_bezetting(prod.plaatsen, norm),
    }


def _volumes(prod: Product, k: dict, integraal, uren: Uren, p, norm=None):
    """§1.6: normvolume (met b_p), directe uren, kostprijs per uur/plaats en gerealiseerd volume."""
    if prod.soort == "opvang":
        capaciteit = prod.plaatsen * p["dagen_per_jaar"]
        bezetting = norm if prod.werkelijke_bezetting is None else prod.werkelijke_bezetting
        return (capaciteit * norm, None, None, integraal / prod.plaatsen,
                capaciteit * bezetting, False)
    h = k["directe_uren"]
    per_uur = integraal / h
    if prod.eenheid == "uur":
        return h, h, per_uur, None, h, False
    if prod.trajecten_per_jaar is None:
        return h, h, per_uur, None, h / prod.uren_per_traject, True
    return h, h, per_uur, None, prod.trajecten_per_jaar, False
