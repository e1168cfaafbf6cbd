"""Gevoeligheid en scenario's van de kostprijs: wat beweegt het tarief het meest?

Pure functies over KostprijsInvoer. Varianten worden vectorieel berekend: ``bereken`` accepteert
numpy-arrays als parameterwaarden, dus alle lage/hoge waarden gaan in één aanroep.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from tariefmodel import formaat
from tariefmodel.kostprijs.berekening import KostprijsResultaat, bereken
from tariefmodel.kostprijs.invoer import KostprijsInvoer

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Bandbreedte:
    """Plausibele lage en hoge waarde van een uitgangspunt voor de tornadografiek.

    Dit zijn instellingen van de gevoeligheidsanalyse, geen rekenparameters: ze bepalen alleen hoe ver
    de tornado elk uitgangspunt laat bewegen. De basiswaarde valt er altijd binnen (zie ``tornado``).
    """

    label: str
    laag: float
    hoog: float
    soort: str  # procent | uren | euro
    alleen_bij_norm: bool = False  # alleen zinvol als overhead_methode = norm


BANDBREEDTES: dict[str, Bandbreedte] = {
    # 75-95%: seeds/002 noemt 85% als gangbare norm en een hogere bezetting waar minder crisis is.
    "bezettingsnorm": Bandbreedte("Bezettingsnorm", 0.75, 0.95, "procent"),
    # Verzuim 4-9%: rond de schatting van 6% (sectorcijfer NOT FOUND, kostprijs-bronnen.md §2.7).
    "verzuim": Bandbreedte("Ziekteverzuim", 0.04, 0.09, "procent"),
    "directe_tijd_ambulant": Bandbreedte("Directe tijd ambulant", 0.60, 0.80, "procent"),
    "scholing_overleg_uren": Bandbreedte("Scholing en overleg (uren per fte)", 40, 120, "uren"),
    "risico_opslag": Bandbreedte("Risico-opslag", 0.0, 0.04, "procent"),
    "overhead_norm": Bandbreedte("Overheadnorm", 0.15, 0.25, "procent", alleen_bij_norm=True),
    "overige_personeelskosten_per_fte": Bandbreedte("Overige personeelskosten per fte", 0, 2500, "euro"),
}


def opmaak(waarde: float, soort: str) -> str:
    """Een parameterwaarde zoals de gebruiker hem leest (85%, 80 uur, € 1.250,00)."""
    if soort == "procent":
        return formaat.procent(waarde, 1 if round(waarde * 100) != waarde * 100 else 0)
    if soort == "uren":
        return f"{formaat.getal(waarde, 0)} uur"
    return formaat.euro(waarde)


@dataclass(frozen=True)
class TornadoRegel:
    naam: str
    label: str
    soort: str
    basis: float
    laag: float
    hoog: float
    kostprijs_basis: float
    kostprijs_laag: float
    kostprijs_hoog: float

    @property
    def effect(self) -> float:
        """Breedte van de balk: hoeveel de kostprijs beweegt over de bandbreedte."""
        return abs(self.kostprijs_hoog - self.kostprijs_laag)

    def tekst(self, waarde: float) -> str:
        return opmaak(waarde, self.soort)


def _varianten(invoer: KostprijsInvoer, namen: Sequence[str]) -> tuple[dict, list[tuple[str, float, float]]]:
    """Parameterarrays: per uitgangspunt twee kolommen (laag, hoog), de rest op de basiswaarde."""
    basis = invoer.getallen()
    grenzen = []
    for naam in namen:
        b = BANDBREEDTES[naam]
        grenzen.append((naam, min(b.laag, basis[naam]), max(b.hoog, basis[naam])))
    aantal = 2 * len(grenzen)
    arrays = {naam: np.full(aantal, float(basis[naam])) for naam, _, _ in grenzen}
    for i, (naam, laag, hoog) in enumerate(grenzen):
        arrays[naam][2 * i], arrays[naam][2 * i + 1] = laag, hoog
    return arrays, grenzen


def relevante_uitgangspunten(invoer: KostprijsInvoer) -> list[str]:
    """De uitgangspunten uit BANDBREEDTES die in deze berekening meetellen."""
    norm = invoer.waarde("overhead_methode") == "norm"
    return [n for n, b in BANDBREEDTES.items() if norm or not b.alleen_bij_norm]


def tornado(invoer: KostprijsInvoer) -> dict[str, list[TornadoRegel]]:
    """Per productcode de uitgangspunten met effect op de kostprijs, grootste effect eerst.

    Uitgangspunten zonder effect op een product (bijv. directe tijd ambulant bij opvang) vallen weg.
    """
    namen = relevante_uitgangspunten(invoer)
    arrays, grenzen = _varianten(invoer, namen)
    basisresultaat = bereken(invoer)
    varianten = bereken(invoer, parameters=arrays)
    uit: dict[str, list[TornadoRegel]] = {}
    for basis_p, var_p in zip(basisresultaat.producten, varianten.producten):
        prijzen = np.broadcast_to(np.asarray(var_p.kostprijs, dtype=float), (2 * len(grenzen),))
        regels = [
            TornadoRegel(naam, BANDBREEDTES[naam].label, BANDBREEDTES[naam].soort, float(invoer.getallen()[naam]),
                         laag, hoog, float(basis_p.kostprijs), float(prijzen[2 * i]), float(prijzen[2 * i + 1]))
            for i, (naam, laag, hoog) in enumerate(grenzen)
        ]
        drempel = 1e-9 * max(1.0, abs(float(basis_p.kostprijs)))
        uit[basis_p.code] = sorted((r for r in regels if r.effect > drempel), key=lambda r: -r.effect)
    return uit


def kostprijs_bij_bezetting(invoer: KostprijsInvoer, normen: Sequence[float]) -> pd.DataFrame:
    """Kostprijs per etmaal van elk opvangproduct bij elke bezettingsnorm (één vectoriële berekening).

    Kolommen: code, product, bezetting, kostprijs, integrale_kosten.
    """
    import pandas as pd  # pas hier: de opdrachtregel heeft pandas niet nodig (issue 17)
    normen = np.asarray(normen, dtype=float)
    resultaat = bereken(invoer, parameters={"bezettingsnorm": normen})
    rijen = []
    for p in resultaat.producten:
        if p.product.soort != "opvang":
            continue
        prijzen = np.broadcast_to(np.asarray(p.kostprijs, dtype=float), normen.shape)
        kosten = np.broadcast_to(np.asarray(p.integrale_kosten, dtype=float), normen.shape)
        rijen += [{"code": p.code, "product": p.product.naam, "bezetting": float(n), "kostprijs": float(k),
                   "integrale_kosten": float(i)} for n, k, i in zip(normen, prijzen, kosten)]
    return pd.DataFrame(rijen, columns=["code", "product", "bezetting", "kostprijs", "integrale_kosten"])


# --- scenario's -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Scenario:
    """Een benoemd scenario: wijzigingen van uitgangspunten en per product (``plaatsen[CODE]``, kostprijs/
    hefbomen.py) in ``parameters``; ``tarieven`` (productcode -> gemeentetarief) is een verkorte schrijfwijze
    voor ``gemeentetarief[CODE]``."""

    naam: str
    parameters: Mapping[str, object] = field(default_factory=dict)
    tarieven: Mapping[str, float] = field(default_factory=dict)

    @property
    def wijzigingen(self) -> dict[str, object]:
        """Alle wijzigingen onder hun --zet-naam, zoals in het blad Scenario's."""
        from tariefmodel.kostprijs.hefbomen import naam

        return {**self.parameters, **{naam("gemeentetarief", c): t for c, t in self.tarieven.items()}}

    def sleutel(self) -> tuple:
        """Hashbare vorm (voor st.cache_data): naam en gesorteerde wijzigingen."""
        return (self.naam, tuple(sorted(self.wijzigingen.items())))

    @classmethod
    def uit_sleutel(cls, sleutel: tuple) -> Scenario:
        return cls(sleutel[0], dict(sleutel[1]))

    def toepassen(self, invoer: KostprijsInvoer) -> KostprijsInvoer:
        """De invoer met dit scenario (ValueError met Nederlandse tekst bij een ongeldige waarde)."""
        return invoer.met_scenario(dict(self.parameters), dict(self.tarieven))

    def bereken(self, invoer: KostprijsInvoer) -> KostprijsResultaat:
        return bereken(self.toepassen(invoer))


def wijzigingen(basis: Mapping[str, object], gekozen: Mapping[str, object]) -> dict[str, object]:
    """Alleen de waarden die afwijken van de basis (een scenario bewaart wat er veranderd is)."""
    uit = {}
    for naam, waarde in gekozen.items():
        oud = basis.get(naam)
        if isinstance(waarde, float) and isinstance(oud, (int, float)) and not isinstance(oud, bool):
            if abs(waarde - oud) > 1e-12:
                uit[naam] = waarde
        elif waarde != oud:
            uit[naam] = waarde
    return uit


def vergelijking(resultaten: Mapping[str, KostprijsResultaat]) -> pd.DataFrame:
    """Scenario's naast elkaar per product; ``verschil`` is de kostprijs t.o.v. het eerste scenario.

    Kolommen: scenario, code, product, eenheid, kostprijs, gemeentetarief, verschil_per_eenheid,
    integrale_kosten, opbrengst, tekort, dekkingsgraad, verschil.
    """
    import pandas as pd  # pas hier: de opdrachtregel heeft pandas niet nodig (issue 17)
    rijen = []
    eerste = next(iter(resultaten.values()), None)
    for naam, r in resultaten.items():
        for p in r.producten:
            basis = float(eerste.product(p.code).kostprijs)
            rijen.append({
                "scenario": naam, "code": p.code, "product": p.product.naam, "eenheid": p.product.eenheid,
                "kostprijs": float(p.kostprijs), "gemeentetarief": _of_none(p.gemeentetarief),
                "verschil_per_eenheid": _of_none(p.verschil_per_eenheid),
                "integrale_kosten": float(p.integrale_kosten), "opbrengst": _of_none(p.opbrengst),
                "tekort": _of_none(p.tekort), "dekkingsgraad": _of_none(p.dekkingsgraad),
                "verschil": float(p.kostprijs) / basis - 1 if basis else 0.0,
            })
    return pd.DataFrame(rijen)


def totalen(resultaten: Mapping[str, KostprijsResultaat]) -> pd.DataFrame:
    """Per scenario: integrale kosten, opbrengst en tekort van de hele organisatie."""
    import pandas as pd  # pas hier: de opdrachtregel heeft pandas niet nodig (issue 17)
    rijen = []
    for naam, r in resultaten.items():
        kosten_met_tarief = float(sum(p.integrale_kosten for p in r.met_tarief))
        rijen.append({"scenario": naam, "integrale_kosten": float(r.integrale_kosten),
                      "opbrengst": float(r.opbrengst), "tekort": float(r.tekort),
                      "dekkingsgraad": float(r.opbrengst) / kosten_met_tarief if kosten_met_tarief else None})
    return pd.DataFrame(rijen, columns=["scenario", "integrale_kosten", "opbrengst", "tekort", "dekkingsgraad"])


def _of_none(x) -> float | None:
    return None if x is None else float(x)


# --- meerjaren ------------------------------------------------------------------------------------

def meerjaren_tabel(resultaat: KostprijsResultaat, jaren: int | None = None) -> pd.DataFrame:
    """De meerjarenraming als tabel, per product plus 'TOTAAL' (som van de producten met een tarief).

    Kolommen: jaar, code, kostprijs, tarief, integrale_kosten, opbrengst, tekort, cumulatief_tekort,
    cao_stijging, prijsindex, tariefindex. Voor TOTAAL zijn kostprijs en tarief leeg.
    """
    import pandas as pd  # pas hier: de opdrachtregel heeft pandas niet nodig (issue 17)

    from tariefmodel.kostprijs.meerjaren import meerjaren

    rijen = [{k: (None if v is None else (v if isinstance(v, (int, str)) else float(v)))
              for k, v in vars(j).items() if not k.startswith("status_")} for j in meerjaren(resultaat, jaren)]
    data = pd.DataFrame(rijen)
    met_tarief = data.dropna(subset=["tarief"])
    if met_tarief.empty:
        return data
    totaal = met_tarief.groupby("jaar", as_index=False).agg(
        integrale_kosten=("integrale_kosten", "sum"), opbrengst=("opbrengst", "sum"), tekort=("tekort", "sum"),
        cumulatief_tekort=("cumulatief_tekort", "sum"), cao_stijging=("cao_stijging", "first"),
        prijsindex=("prijsindex", "first"), tariefindex=("tariefindex", "first"),
        **({"status": ("status", "first")} if "status" in data else {}))
    totaal["code"], totaal["kostprijs"], totaal["tarief"] = "TOTAAL", None, None
    return pd.concat([data, totaal[data.columns]], ignore_index=True)


def cumulatief_tekort(resultaat: KostprijsResultaat, jaren: int | None = None) -> float | None:
    """Het cumulatieve tekort van alle producten met een tarief aan het eind van de raming."""
    from tariefmodel.kostprijs.meerjaren import meerjaren

    raming = meerjaren(resultaat, jaren)
    if not raming:
        return None
    laatste = max(j.jaar for j in raming)
    tekorten = [j.cumulatief_tekort for j in raming if j.jaar == laatste and j.cumulatief_tekort is not None]
    return float(sum(tekorten)) if tekorten else None


# --- capaciteit: marges in plaats van gemiddelden -------------------------------------------------

def weigercurve(last: float, van: int, tot: int) -> pd.DataFrame:
    """Per aantal plaatsen (van..tot): Erlang-B-weigerkans en de gemiddelde (gedragen) bezetting.

    Laat zien wat 'marges in plaats van gemiddelden' betekent (seeds/002): bij een gemiddelde bezetting
    dicht bij 100% is de opvang vaak vol en wordt een groot deel van de aanvragen geweigerd.
    Kolommen: plaatsen, weigerkans, bezetting.
    """
    import pandas as pd  # pas hier: de opdrachtregel heeft pandas niet nodig (issue 17)

    from tariefmodel.capaciteit.erlang import erlang_b_reeks

    reeks = erlang_b_reeks(max(int(tot), 0), last)  # één doorloop van de recursie: O(tot), niet O(tot²)
    rijen = [{"plaatsen": n, "weigerkans": reeks[n], "bezetting": last * (1 - reeks[n]) / n}
             for n in range(max(1, int(van)), int(tot) + 1)]
    return pd.DataFrame(rijen, columns=["plaatsen", "weigerkans", "bezetting"])
