"""De AMvB-toets: welke kostprijselementen a-f van art. 5.4 lid 3 Uitvoeringsbesluit Wmo 2015 de prijs bevat
(rekenmethode §1.6 v2). Een element dat 0 is of ontbreekt heet 'niet gevuld' en wordt genoemd."""

from __future__ import annotations

from dataclasses import dataclass

from tariefmodel.kostprijs.berekening import KostprijsResultaat
from tariefmodel.kostprijs.invoer import OVERHEAD

SOORT_GEMEENTELIJK = "gemeentelijke verplichtingen"
SOORTEN_REIS_OPLEIDING = ("reis", "reiskosten", "opleiding", "opleidingskosten", "reis- en opleidingskosten")
WETSARTIKEL = "art. 5.4 lid 3 Uitvoeringsbesluit Wmo 2015"


@dataclass(frozen=True)
class Element:
    element: str  # a ... f
    omschrijving: str
    gevuld: bool
    invoer: str  # welke invoer het element draagt
    toelichting: str  # wat er is gevonden, of wat ontbreekt


def _soort(k) -> str:
    return " ".join(str(k.kostensoort).split()).casefold()


def amvb_toets(r: KostprijsResultaat, tariefindex=None) -> list[Element]:
    """Elementen a-f met gevuld/niet gevuld; ``tariefindex``: de index van het jaar na het rekenjaar (of None)."""
    invoer, p = r.invoer, r.parameters
    direct_loon = sum(x.kosten for x in r.regels if x.regel.product != OVERHEAD)
    methode = invoer.waarde("overhead_methode")
    overhead = r.overhead_pool if methode != "norm" else p["overhead_norm"]
    niet_productief = p["jaaruren"] - r.uren.inzetbaar
    op = float(p["overige_personeelskosten_per_fte"])
    reis = sum(k.bedrag for k in invoer.kosten if _soort(k) in SOORTEN_REIS_OPLEIDING)
    gemeentelijk = sum(k.bedrag for k in invoer.kosten if _soort(k) == SOORT_GEMEENTELIJK)
    index = None if tariefindex is None else tariefindex.waarde
    elementen = [
        Element("a", "kosten van de beroepskracht", direct_loon > 0, "blad Personeel (loonopbouw)",
                _bedrag("loonkosten directe formatie", direct_loon)),
        Element("b", "redelijke overheadkosten", overhead > 0, f"overhead (methode {methode})",
                f"overheadpercentage {float(r.overhead_percentage):.1%}".replace(".", ",")),
        Element("c", "kosten voor niet-productieve uren (verlof, ziekte, scholing, werkoverleg)", niet_productief > 0,
                "verlofuren, feestdaguren, verzuim, scholing_overleg_uren",
                f"{float(niet_productief):.1f} niet-productieve uren per fte".replace(".", ",")),
        Element("d", "reis- en opleidingskosten", op > 0 or reis > 0,
                "overige_personeelskosten_per_fte; Kosten met soort reis of opleiding",
                _bedrag("per fte", op) + "; " + _bedrag("Kosten reis/opleiding", reis)),
        Element("e", "indexatie van de reële prijs", index is not None,
                "tarief_index_methode met ova, prijsindex of tarief_index",
                "geen index voor het volgende jaar" if index is None else
                f"tariefindex {invoer.rekenjaar + 1}: {float(index):.2%} ({tariefindex.label})".replace(".", ",")),
        Element("f", "overige kosten door gemeentelijke verplichtingen (rapportage, administratie)", gemeentelijk > 0,
                f"Kosten met soort '{SOORT_GEMEENTELIJK}'", _bedrag("Kosten", gemeentelijk)),
    ]
    return [Element(e.element, e.omschrijving, bool(e.gevuld), e.invoer, e.toelichting) for e in elementen]


def ontbrekend(elementen: list[Element]) -> list[Element]:
    return [e for e in elementen if not e.gevuld]


def _bedrag(wat: str, bedrag) -> str:
    return f"{wat}: € {float(bedrag):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
