"""Capaciteit van één opvangeenheid: weigeren (verliesmodel) of wachten (wachtrij), met bandbreedte.

Rekenmethode §2.4a (v2). Een eenheid is één regel van het blad Capaciteit (centrumgemeente × type) of
een kostprijsproduct met eigen plaatsen. Alles onafgerond; None = niet te berekenen (nooit 0).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from tariefmodel.capaciteit import erlang

VERLIES, WACHTRIJ = "verlies", "wachtrij"
MODELLEN = (VERLIES, WACHTRIJ)
TYPES = ("nood", "crisis", "vervolg")
STANDAARD_MODEL = {"nood": VERLIES, "crisis": VERLIES, "vervolg": WACHTRIJ}  # §2.4a: Model-standaard per type
# §2.4a: bij een gedragen last ≥ N·0,999 is de vraag niet uit opnames af te leiden.
VOL_GRENS = 0.999
MELDING_VOL = "de opvang zat vol: de vraag is niet af te leiden uit opnames"
MELDING_ONBEGRENSD = "de wachtlijst groeit zonder grens"
MELDING_GEEN_PLAATSEN = "geen plaatsen en geen vraag: niets te berekenen"


@dataclass(frozen=True)
class Rekenregels:
    """De parameters van §2.4a (landelijke Uitgangspunten of kostprijs)."""

    dagen_per_jaar: float
    doel_weigerkans: float
    doel_wachttijd: float  # dagen
    gevoeligheid_bezetting: float  # absolute punten bezetting voor de bandbreedte


@dataclass(frozen=True)
class Cijfers:
    """De capaciteitscijfers bij één aangeboden last; de cijfers van het andere model zijn None."""

    aangeboden_last: float | None = None
    weigerkans: float | None = None
    geweigerd_per_jaar: float | None = None
    kans_wachten: float | None = None
    gemiddelde_wachttijd_dagen: float | None = None
    wachtenden: float | None = None
    plaatsen_nodig: int | None = None
    bezetting: float | None = None  # gedragen bezetting: A·(1 − B)/N (verlies) of A/N (wachtrij)
    melding: str | None = None

    def als_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Eenheid:
    """Invoer van één eenheid: N plaatsen, verblijfsduur d, opnames en/of aanmeldingen per jaar."""

    plaatsen: int
    verblijfsduur: float
    opgenomen: float | None = None
    aanmeldingen: float | None = None
    model: str = VERLIES


@dataclass(frozen=True)
class Uitkomst:
    model: str
    plaatsen: int
    cijfers: Cijfers
    laag: Cijfers  # bij bezetting − gevoeligheid_bezetting
    hoog: Cijfers  # bij bezetting + gevoeligheid_bezetting


def standaard_model(type_: str) -> str:
    """Verlies voor nood en crisis, wachtrij voor vervolg (§2.4a)."""
    if type_ not in STANDAARD_MODEL:
        raise ValueError(f"onbekend type '{type_}' (kies uit {', '.join(TYPES)})")
    return STANDAARD_MODEL[type_]


def cijfers_bij_last(model: str, plaatsen: int, verblijfsduur: float, last: float, r: Rekenregels) -> Cijfers:
    """Alle cijfers van ``model`` bij aangeboden last A (§2.4a)."""
    if model == VERLIES:
        b = erlang.erlang_b(plaatsen, last)
        return Cijfers(aangeboden_last=last, weigerkans=b,
                       geweigerd_per_jaar=last * r.dagen_per_jaar / verblijfsduur * b,
                       plaatsen_nodig=erlang.plaatsen_voor_weigerkans(last, r.doel_weigerkans),
                       bezetting=last * (1 - b) / plaatsen)
    if model != WACHTRIJ:
        raise ValueError(f"onbekend model '{model}' (kies uit {', '.join(MODELLEN)})")
    nodig = erlang.plaatsen_voor_wachttijd(last, verblijfsduur, r.doel_wachttijd)
    if not last < plaatsen:
        return Cijfers(aangeboden_last=last, plaatsen_nodig=nodig, bezetting=last / plaatsen,
                       melding=MELDING_ONBEGRENSD)
    return Cijfers(aangeboden_last=last, kans_wachten=erlang.kans_wachten(plaatsen, last),
                   gemiddelde_wachttijd_dagen=erlang.gemiddelde_wachttijd(plaatsen, last, verblijfsduur),
                   wachtenden=erlang.gemiddeld_wachtenden(plaatsen, last), plaatsen_nodig=nodig,
                   bezetting=last / plaatsen)


def aangeboden_last(e: Eenheid, r: Rekenregels) -> float | None:
    """A uit aanmeldingen (A = aanmeldingen·d/365), anders uit opnames (§2.4a); None als de eenheid vol zat.

    Verliesmodel zonder aanmeldingen: a = opgenomen·d/365 is gedragen last; A volgt uit A·(1 − B) = a.
    Wachtrij zonder aanmeldingen: in een stabiele wachtrij wordt iedereen opgenomen, dus A = a.
    """
    if e.aanmeldingen is not None:
        return e.aanmeldingen * e.verblijfsduur / r.dagen_per_jaar
    if e.opgenomen is None:
        raise ValueError("vul opgenomen of aanmeldingen per jaar in")
    gedragen = e.opgenomen * e.verblijfsduur / r.dagen_per_jaar
    if e.model == WACHTRIJ:
        return gedragen
    if gedragen >= e.plaatsen * VOL_GRENS:
        return None
    return erlang.last_uit_gedragen_last(e.plaatsen, gedragen)


def last_bij_bezetting(model: str, plaatsen: int, bezetting: float) -> float | None:
    """De aangeboden last die gedragen bezetting ``bezetting`` geeft (None: verliesmodel vol)."""
    bezetting = max(0.0, bezetting)
    if model == WACHTRIJ:
        return bezetting * plaatsen
    if bezetting >= VOL_GRENS:
        return None
    return erlang.last_bij_gedragen_bezetting(plaatsen, bezetting)


def _vol() -> Cijfers:
    return Cijfers(melding=MELDING_VOL)


def bereken_eenheid(e: Eenheid, r: Rekenregels) -> Uitkomst:
    """§2.4a voor één eenheid: de cijfers en de bandbreedte bij bezetting ± gevoeligheid_bezetting."""
    if e.plaatsen == 0:
        if (e.aanmeldingen or 0) > 0 or (e.opgenomen or 0) > 0:
            raise ValueError("0 plaatsen met opnames of aanmeldingen: de bezetting is niet te berekenen")
        leeg = Cijfers(aangeboden_last=0.0, plaatsen_nodig=0, melding=MELDING_GEEN_PLAATSEN)
        return Uitkomst(e.model, 0, leeg, leeg, leeg)
    last = aangeboden_last(e, r)
    if last is None:
        return Uitkomst(e.model, e.plaatsen, _vol(), _vol(), _vol())
    return bij_last(e.model, e.plaatsen, e.verblijfsduur, last, r)


def bij_last(model: str, plaatsen: int, verblijfsduur: float, last: float, r: Rekenregels) -> Uitkomst:
    """De cijfers bij een bekende aangeboden last, met de bandbreedte (§2.4a: N en d vast, bezetting ± punten)."""
    midden = cijfers_bij_last(model, plaatsen, verblijfsduur, last, r)
    banden = []
    for teken in (-1, 1):
        band_last = last_bij_bezetting(model, plaatsen, midden.bezetting + teken * r.gevoeligheid_bezetting)
        banden.append(_vol() if band_last is None else cijfers_bij_last(model, plaatsen, verblijfsduur, band_last, r))
    return Uitkomst(model, plaatsen, midden, *banden)

