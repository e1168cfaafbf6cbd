"""Het landelijk model in één aanroep: verdeelmodel, capaciteit, DUVO en plaatsingen (rekenmethode.md §2).

``bereken_landelijk(invoer)`` rekent alles onafgerond; ``rapportage.naar_json`` rondt af voor de uitvoer.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from tariefmodel.landelijk import capaciteit as cap
from tariefmodel.landelijk import plaatsingen as pl
from tariefmodel.landelijk.duvo import DuvoJaar, DuvoResultaat, duvo_overzicht, landelijk_per_jaar
from tariefmodel.landelijk.invoer import LandelijkInvoer, Regio
from tariefmodel.landelijk.verdeelmodel import Verdeling, klasse, plaatsen_effect, verdeel

NUMERIEKE_PARAMETERS = ("bezettingsnorm", "doel_weigerkans", "kosten_per_plaats", "reactie_nadeel",
                        "reactie_voordeel", "max_verlies", "dagen_per_jaar", "istanbul_inwoners_per_plaats",
                        "kosten_per_plaatsing", "doel_wachttijd", "gevoeligheid_bezetting")


@dataclass(frozen=True)
class RegioResultaat:
    """Alle uitkomsten van één centrumgemeente; None = het werkboek heeft er geen gegevens voor."""

    centrumgemeente: str
    inwoners: float
    plaatsen: int
    historisch: float  # H_i(T)
    objectief: float  # O_i(T)
    toegekend: Mapping[int, float]  # A_i(t) per jaar
    historisch_per_jaar: Mapping[int, float]
    objectief_per_jaar: Mapping[int, float]
    aanvulling: Mapping[int, float]  # A_i(t) − T_i(t): uit de knelpuntenpot (β, v2) of de zachte landing (v1)
    herverdeling: float  # Δ_i = A_i(T) − H_i(T)
    klasse: int  # +1 winnaar, −1 verliezer, 0 gelijk
    plaatsen_effect: float  # ΔN_i
    clienten: float | None
    verblijfsduur: float | None
    aangeboden_last: float | None
    bezettingsgraad: float | None
    weigerkans: float | None
    plaatsen_nodig_weigerkans: int | None
    plaatsen_nodig_bezettingsnorm: int | None
    istanbul_norm: float
    istanbul_tekort: float
    instroom_van_buiten: float | None
    uitstroom_naar_buiten: float | None
    netto_plaatsingen: float | None
    totaal_opgevangen: float | None
    bovenregionaal_aandeel: float | None
    prijs_per_plaatsing: float | None
    verrekening_ontvangen: float | None
    verrekening_betaald: float | None
    verrekening_saldo: float | None
    capaciteitsmodel: str | None = None  # §2.4a: "verlies" (Erlang B) voor de regiovelden; None zonder gegevens
    geweigerd_per_jaar: float | None = None
    capaciteit_melding: str | None = None  # bijv. "de opvang zat vol: ..." (dan zijn de Erlang-velden None)

    @property
    def herverdeling_relatief(self) -> float | None:
        return self.herverdeling / self.historisch if self.historisch else None


@dataclass(frozen=True)
class CapaciteitLandelijk:
    plaatsen: float
    istanbul_norm: float
    istanbul_tekort: float
    regios_met_clientgegevens: int
    aangeboden_last: float | None
    bezettingsgraad: float | None  # Σ A / Σ P over regio's met cliëntgegevens
    weigerkans: float | None  # Σ A_i·B_i / Σ A_i: verwacht aandeel geweigerde aanvragen landelijk
    plaatsen_nodig_weigerkans: int | None
    plaatsen_nodig_bezettingsnorm: int | None
    plaatsen_met_clientgegevens: float
    geweigerd_per_jaar: float | None = None  # Σ over regio's die niet vol zaten
    regios_vol: int = 0  # regio's waar de vraag niet uit opnames af te leiden is (§2.4a)


@dataclass(frozen=True)
class PlaatsingenLandelijk:
    totaal: float
    bovenregionaal: float
    aandeel_bovenregionaal: float | None


@dataclass(frozen=True, eq=False)
class LandelijkResultaat:
    invoer: LandelijkInvoer
    parameters: Mapping[str, float | None]
    kosten_per_plaats: float
    kosten_per_plaats_bron: str
    verdeling: Verdeling
    regios: tuple[RegioResultaat, ...]
    duvo: tuple[DuvoResultaat, ...]
    duvo_per_jaar: tuple[DuvoJaar, ...]
    capaciteit: CapaciteitLandelijk
    plaatsingen: PlaatsingenLandelijk | None
    kosten_per_plaats_opgegeven: bool = False  # True: c komt niet uit de parameter (bijv. uit een kostprijswerkboek)
    eenheden: tuple[cap.EenheidResultaat, ...] | None = None  # blad Capaciteit (§2.4a); None zonder blad

    @property
    def jaren(self) -> tuple[int, ...]:
        return self.verdeling.jaren

    @property
    def laatste_jaar(self) -> int:
        return self.verdeling.jaren[-1]

    @property
    def winnaars(self) -> tuple[RegioResultaat, ...]:
        """Regio's met Δ > 0, grootste winst eerst."""
        return tuple(sorted((r for r in self.regios if r.klasse > 0), key=lambda r: -r.herverdeling))

    @property
    def verliezers(self) -> tuple[RegioResultaat, ...]:
        """Regio's met Δ < 0, grootste verlies eerst."""
        return tuple(sorted((r for r in self.regios if r.klasse < 0), key=lambda r: r.herverdeling))

    @property
    def plaatsen_effect_netto(self) -> float:
        """§2.2: landelijk netto ΔN."""
        return float(sum(r.plaatsen_effect for r in self.regios))

    @property
    def herverdeeld_bedrag(self) -> float:
        """Σ van de winsten (= Σ van de verliezen) in het laatste jaar."""
        return float(sum(r.herverdeling for r in self.regios if r.herverdeling > 0))

    @property
    def max_verlies_genegeerd(self) -> bool:
        """§2.1 (v2): met 'Aandeel verlies' telt max_verlies niet."""
        return self.verdeling.pot_extern and self.parameters.get("max_verlies") is not None

    @property
    def model_waarschuwingen(self) -> tuple[str, ...]:
        """Waarschuwingen van de berekening zelf (naast die van het werkboek)."""
        if not self.max_verlies_genegeerd:
            return ()
        return (("max_verlies is genegeerd: het blad Overgang heeft een kolom 'Aandeel verlies' (β), en dan dragen "
                "verliezers β van hun verlies en komt de knelpuntenpot van buiten de DUVO (rekenmethode §2.1 v2)"),)

    def regio(self, naam: str) -> RegioResultaat:
        return next(r for r in self.regios if r.centrumgemeente == naam)

    def tabel(self):
        """De regio-uitkomsten als pandas DataFrame (één rij per centrumgemeente), voor app en export."""
        import pandas as pd

        rijen = []
        for r in self.regios:
            rij = {k: v for k, v in r.__dict__.items() if k not in {"toegekend", "historisch_per_jaar",
                                                                      "objectief_per_jaar", "aanvulling"}}
            rij.update({f"toegekend_{j}": a for j, a in r.toegekend.items()})
            rijen.append(rij)
        return pd.DataFrame(rijen)


def parameters_van(invoer: LandelijkInvoer) -> dict[str, float | None]:
    """De numerieke parameters van een invoer (None = leeg, bijvoorbeeld max_verlies zonder plafond)."""
    return {n: (None if invoer.waarde(n) is None else float(invoer.waarde(n))) for n in NUMERIEKE_PARAMETERS}


def bereken_landelijk(invoer: LandelijkInvoer, kosten_per_plaats: float | None = None,
                      kosten_per_plaats_bron: str | None = None) -> LandelijkResultaat:
    """Rekenmethode §2.1-2.5 voor een gevalideerde invoer.

    ``kosten_per_plaats``: c uit een kostprijswerkboek (lumpsum-equivalent); anders de parameter.
    """
    p = parameters_van(invoer)
    c, bron = _kosten_per_plaats(invoer, p, kosten_per_plaats, kosten_per_plaats_bron)
    namen = [r.naam for r in invoer.regios]
    verdeling = _verdeling(invoer, p)
    delta = verdeling.herverdeling
    effect = plaatsen_effect(delta, c, p["reactie_nadeel"], p["reactie_voordeel"])
    capaciteiten = [_capaciteit(r, p) for r in invoer.regios]
    stromen = _plaatsingen(invoer, namen, c, p)
    kolommen = _per_regio(verdeling, delta, effect)
    regios = tuple(_regio(i, r, kolommen, capaciteiten[i], stromen) for i, r in enumerate(invoer.regios))
    duvo = duvo_overzicht(invoer.duvo, {r.centrumgemeente: r.istanbul_norm for r in regios},
                          {r.centrumgemeente: r.plaatsen_nodig_weigerkans for r in regios}, c)
    return LandelijkResultaat(invoer, p, c, bron, verdeling, regios, duvo, landelijk_per_jaar(duvo),
                              _capaciteit_landelijk(regios), _plaatsingen_landelijk(invoer, namen),
                              kosten_per_plaats is not None, cap.bereken_eenheden(invoer.capaciteit, p))


def _kosten_per_plaats(invoer, p, opgegeven, bron) -> tuple[float, str]:
    if opgegeven is not None:
        if not opgegeven > 0:
            raise ValueError(f"kosten per plaats moeten groter dan 0 zijn (gevonden: {opgegeven})")
        return float(opgegeven), bron or "opgegeven"
    u = invoer.uitgangspunten["kosten_per_plaats"]
    return p["kosten_per_plaats"], f"parameter kosten_per_plaats ({u.label})"


def _verdeling(invoer: LandelijkInvoer, p) -> Verdeling:
    """§2.1 met de bladen Regio's, Maatstaven en Overgang."""
    x = np.array([[r.maatstaven[m.naam] for m in invoer.maatstaven] for r in invoer.regios], dtype=float)
    return verdeel(
        jaren=[o.jaar for o in invoer.overgang], budget=[o.budget for o in invoer.overgang],
        alfa=[o.aandeel_objectief for o in invoer.overgang],
        historisch=[r.historisch_budget for r in invoer.regios], aandelen=[m.aandeel for m in invoer.maatstaven],
        maatstaven=x, max_verlies=p["max_verlies"], beta=invoer.aandeel_verlies,
    )


def _capaciteit(r: Regio, p) -> dict:
    """§2.4 voor één regio, de v2-manier (§2.4a): cliënten = opgenomen; zonder gegevens zijn de Erlang-cijfers None."""
    istanbul = cap.istanbul_norm(r.inwoners, p["istanbul_inwoners_per_plaats"])
    uit = {"istanbul_norm": istanbul, "istanbul_tekort": istanbul - r.plaatsen, "aangeboden_last": None,
           "bezettingsgraad": None, "weigerkans": None, "plaatsen_nodig_weigerkans": None,
           "plaatsen_nodig_bezettingsnorm": None}
    if r.clienten is None or r.verblijfsduur is None:
        return uit
    v2 = cap.regio_capaciteit(r.plaatsen, r.clienten, r.verblijfsduur, p["dagen_per_jaar"], p["doel_weigerkans"],
                              p["bezettingsnorm"])
    uit.update({k: v2[k] for k in ("aangeboden_last", "bezettingsgraad", "weigerkans", "plaatsen_nodig_weigerkans",
                                   "plaatsen_nodig_bezettingsnorm", "geweigerd_per_jaar")},
               capaciteitsmodel=v2["model"], capaciteit_melding=v2["melding"])
    return uit


def _plaatsingen(invoer: LandelijkInvoer, namen, c, p) -> dict | None:
    """§2.5 voor alle regio's tegelijk; None zonder blad Plaatsingen."""
    if invoer.plaatsingen is None:
        return None
    m = pl.stroommatrix(invoer.plaatsingen, namen)
    genoemd = {q.herkomst for q in invoer.plaatsingen} | {q.opvangregio for q in invoer.plaatsingen}
    d = np.array([np.nan if r.verblijfsduur is None else r.verblijfsduur for r in invoer.regios])
    prijs = pl.prijs_per_plaatsing(p["kosten_per_plaatsing"], c, d, p["dagen_per_jaar"], p["bezettingsnorm"])
    return {"m": m, "genoemd": genoemd, "instroom": pl.instroom_van_buiten(m),
            "uitstroom": pl.uitstroom_naar_buiten(m), "totaal": pl.totaal_opgevangen(m),
            "aandeel": pl.aandeel_bovenregionaal(m), "verrekening": pl.verrekening(m, prijs)}


def _getal(x) -> float | None:
    """numpy-getal naar float; NaN wordt None (geen gegevens)."""
    x = float(x)
    return None if math.isnan(x) else x


def _per_regio(v: Verdeling, delta, effect) -> dict:
    """De verdeelcijfers één keer als Python-lijsten per regio (sneller dan losse numpy-getallen)."""
    return {"toegekend": v.toegekend.T.tolist(), "historisch": v.historisch.T.tolist(),
            "objectief": v.objectief.T.tolist(), "aanvulling": (v.toegekend - v.zonder_landing).T.tolist(),
            "delta": delta.tolist(), "effect": effect.tolist(),
            "klasse": klasse(delta).tolist(), "jaren": v.jaren}


def _regio(i, r: Regio, k: dict, capaciteit: dict, stromen: dict | None) -> RegioResultaat:
    jaren = k["jaren"]
    s = _stromen_van_regio(i, r.naam, stromen)
    return RegioResultaat(
        centrumgemeente=r.naam, inwoners=r.inwoners, plaatsen=r.plaatsen,
        historisch=k["historisch"][i][-1], objectief=k["objectief"][i][-1],
        toegekend=dict(zip(jaren, k["toegekend"][i])),
        historisch_per_jaar=dict(zip(jaren, k["historisch"][i])),
        objectief_per_jaar=dict(zip(jaren, k["objectief"][i])),
        aanvulling=dict(zip(jaren, k["aanvulling"][i])),
        herverdeling=k["delta"][i], klasse=k["klasse"][i], plaatsen_effect=k["effect"][i],
        clienten=r.clienten, verblijfsduur=r.verblijfsduur, **capaciteit, **s,
    )


def _stromen_van_regio(i: int, naam: str, stromen: dict | None) -> dict:
    velden = ("instroom_van_buiten", "uitstroom_naar_buiten", "netto_plaatsingen", "totaal_opgevangen",
              "bovenregionaal_aandeel", "prijs_per_plaatsing", "verrekening_ontvangen", "verrekening_betaald",
              "verrekening_saldo")
    if stromen is None or naam not in stromen["genoemd"]:
        return dict.fromkeys(velden)
    vr = stromen["verrekening"]
    waarden = (stromen["instroom"][i], stromen["uitstroom"][i], stromen["instroom"][i] - stromen["uitstroom"][i],
               stromen["totaal"][i], stromen["aandeel"][i], vr.prijs[i], vr.ontvangen[i], vr.betaald[i], vr.saldo[i])
    return {veld: _getal(w) for veld, w in zip(velden, waarden)}


def _capaciteit_landelijk(regios: tuple[RegioResultaat, ...]) -> CapaciteitLandelijk:
    """§2.4 landelijk: sommen; bezettingsgraad = Σ gedragen last / Σ P over regio's met cliëntgegevens.

    Weigerkans (gewogen met de aangeboden last) en plaatsen nodig tellen alleen regio's waarvan de vraag
    af te leiden is; regio's die vol zaten (§2.4a) staan apart in ``regios_vol``.
    """
    gegevens = [r for r in regios if r.clienten is not None and r.verblijfsduur is not None and r.plaatsen > 0]
    gedragen = sum(r.bezettingsgraad * r.plaatsen for r in gegevens)
    plaatsen_gegevens = float(sum(r.plaatsen for r in gegevens))
    met = [r for r in regios if r.aangeboden_last is not None]
    last = sum(r.aangeboden_last for r in met)
    return CapaciteitLandelijk(
        plaatsen=float(sum(r.plaatsen for r in regios)),
        istanbul_norm=float(sum(r.istanbul_norm for r in regios)),
        istanbul_tekort=float(sum(r.istanbul_tekort for r in regios)),
        regios_met_clientgegevens=len(gegevens), aangeboden_last=last if met else None,
        bezettingsgraad=gedragen / plaatsen_gegevens if gegevens else None,
        weigerkans=sum(r.aangeboden_last * r.weigerkans for r in met) / last if met and last > 0 else None,
        plaatsen_nodig_weigerkans=sum(r.plaatsen_nodig_weigerkans for r in met) if met else None,
        plaatsen_nodig_bezettingsnorm=sum(r.plaatsen_nodig_bezettingsnorm for r in met) if met else None,
        plaatsen_met_clientgegevens=plaatsen_gegevens,
        geweigerd_per_jaar=sum(r.geweigerd_per_jaar for r in met) if met else None,
        regios_vol=sum(1 for r in regios if r.capaciteit_melding == cap.cap_eenheid.MELDING_VOL),
    )


def _plaatsingen_landelijk(invoer: LandelijkInvoer, namen) -> PlaatsingenLandelijk | None:
    if invoer.plaatsingen is None:
        return None
    m = pl.stroommatrix(invoer.plaatsingen, namen)
    totaal, binnen = m.totaal(), m.spoor()
    return PlaatsingenLandelijk(totaal, totaal - binnen, (totaal - binnen) / totaal if totaal > 0 else None)
