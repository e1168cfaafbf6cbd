"""Meerjarenraming: kostprijs met CAO- en prijsstijging tegen het tarief met OVA (rekenmethode.md §1.8).

Het loondeel van I_p (eigen loonkosten plus het loondeel van de overhead, met risico-opslag) groeit
met cao_stijging van jaar t; de rest met prijsindex van t; het gemeentetarief met ova van t (of met
tarief_index als de gemeente een eigen index kiest). Het rekenjaar zelf is jaar 0, zonder groei.
"""

from __future__ import annotations

from dataclasses import dataclass

from tariefmodel import uitgangspunten as up
from tariefmodel.kostprijs.berekening import KostprijsResultaat, ProductResultaat
from tariefmodel.parameters import definities


@dataclass(frozen=True)
class Jaarraming:
    jaar: int
    code: str
    kostprijs: float
    tarief: float | None
    integrale_kosten: float
    opbrengst: float | None
    tekort: float | None
    cumulatief_tekort: float | None
    cao_stijging: float
    prijsindex: float
    tariefindex: float
    # reeksstatus (voorlopig / definitief / ESTIMATE / werkboek) van de drie indices; leeg in het rekenjaar
    status_cao_stijging: str = ""
    status_prijsindex: str = ""
    status_tariefindex: str = ""


def loondeel(p: ProductResultaat, risico_opslag: float) -> float:
    """Het deel van I_p dat loonkosten is: (som K_r + loondeel overhead) x (1 + risico_opslag)."""
    return (p.loonkosten + p.overhead_personeel) * (1 + risico_opslag)


def indices(resultaat: KostprijsResultaat, jaar: int) -> tuple[up.Uitgangspunt, up.Uitgangspunt, up.Uitgangspunt]:
    """(cao_stijging, prijsindex, tariefindex) die in ``jaar`` gelden, met hun bron."""
    u = resultaat.invoer.uitgangspunten
    prijs = up.reekswaarde(u, "prijsindex", jaar)
    return up.reekswaarde(u, "cao_stijging", jaar), prijs, tariefindex(u, jaar, prijs)


def tariefindex(u, jaar: int, prijs: up.Uitgangspunt | None = None) -> up.Uitgangspunt:
    """§1.8 v2: de index van het gemeentetarief volgens tarief_index_methode.

    vng (standaard) = vng_aandeel_ova x ova + (1 - vng_aandeel_ova) x prijsindex (VNG-advies: 0,9 / 0,1);
    ova; eigen = tarief_index (per jaar). Zonder tarief_index_methode (oude invoer): tarief_index als die
    gezet is, anders ova.
    """
    methode = u["tarief_index_methode"].waarde if "tarief_index_methode" in u else None
    eigen = up.reekswaarde(u, "tarief_index", jaar) if "tarief_index" in u else None
    if methode == "eigen" or (methode is None and eigen is not None and eigen.waarde is not None):
        return eigen
    ova = up.reekswaarde(u, "ova", jaar)
    if methode != "vng":
        return ova
    prijs = prijs or up.reekswaarde(u, "prijsindex", jaar)
    a = float(up.standaard(definities()["vng_aandeel_ova"], jaar).waarde)
    waarde = a * float(ova.waarde) + (1 - a) * float(prijs.waarde)
    status = "ESTIMATE" if "ESTIMATE" in (reeksstatus(ova), reeksstatus(prijs)) else \
        "voorlopig" if "voorlopig" in (reeksstatus(ova), reeksstatus(prijs)) else reeksstatus(ova)
    bron = f"VNG-advies {a:g} x OVA + {1 - a:g} x prijsindex; OVA: {ova.bron}; prijsindex: {prijs.bron}"
    return up.Uitgangspunt("tariefindex", waarde, ova.eenheid, "ESTIMATE" if status == "ESTIMATE" else "DERIVED", bron.replace("0.9", "0,9")
                           .replace("0.1", "0,1"), ova.herkomst, f"reeksstatus {status}", reeksstatus=status)


def reeksstatus(u: up.Uitgangspunt) -> str:
    """§1.8 v2: voorlopig / definitief / ESTIMATE van een reekswaarde (werkboek: 'werkboek')."""
    if u.herkomst != "standaard":
        return u.herkomst
    if u.onzeker:
        return "ESTIMATE"
    return u.reeksstatus or "definitief"


def meerjaren(resultaat: KostprijsResultaat, jaren: int | None = None) -> list[Jaarraming]:
    """Per jaar en product: kostprijs, geïndexeerd tarief, tekort en cumulatief tekort."""
    invoer = resultaat.invoer
    aantal = int(jaren or resultaat.parameters["meerjaren_jaren"])
    risico = resultaat.parameters["risico_opslag"]
    # de indices hangen alleen van het jaar af: één keer per jaar, niet per product
    per_jaar = [indices(resultaat, invoer.rekenjaar + k) for k in range(aantal)]
    statussen = [tuple(reeksstatus(i) for i in gevonden) if k else ("", "", "") for k, gevonden in enumerate(per_jaar)]
    uit = []
    for p in resultaat.producten:
        loon0 = loondeel(p, risico)
        loon, rest, tarief, cumulatief = loon0, p.integrale_kosten - loon0, p.gemeentetarief, 0.0
        for k, gevonden in enumerate(per_jaar):
            jaar = invoer.rekenjaar + k
            cao, prijs, index = (float(i.waarde) for i in gevonden)
            status = statussen[k]
            if k > 0:
                loon, rest = loon * (1 + cao), rest * (1 + prijs)
                tarief = None if tarief is None else tarief * (1 + index)
            integraal = loon + rest
            opbrengst = None if tarief is None else tarief * p.gerealiseerd_volume
            tekort = None if opbrengst is None else integraal - opbrengst
            cumulatief = None if tekort is None else cumulatief + tekort
            kostprijs = p.kostprijs * integraal / p.integrale_kosten if p.integrale_kosten else 0.0
            uit.append(Jaarraming(jaar, p.code, kostprijs, tarief, integraal,
                                  opbrengst, tekort, cumulatief, cao if k else 0.0, prijs if k else 0.0,
                                  index if k else 0.0, *status))
    return uit
