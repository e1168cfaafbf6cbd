"""Gedateerde standaardparameters: één YAML-bestand per parameter, waarde per datum met bron.

Naar het voorbeeld van openfisca: een waarde geldt vanaf haar datum tot de volgende; na de laatste
datum blijft de laatste waarde gelden. Dubbele datums in één bestand zijn een fout.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

STATUSSEN = {"FACT", "DERIVED", "ESTIMATE", "NOT FOUND", "INSTELLING"}


class ParameterbestandFout(ValueError):
    """Een meegeleverd parameterbestand is ongeldig (ontwikkelfout, geen gebruikersfout)."""


class _GeenDubbeleSleutels(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader die dubbele sleutels (bijv. twee keer dezelfde datum) weigert; de C-versie (libyaml) als die
    er is: zelfde uitkomst, ca. 10× sneller (de opdrachtregel leest bij elke start ~50 parameterbestanden)."""


def _mapping_zonder_dubbelen(loader, node, deep=False):
    gezien = set()
    for sleutel_node, _ in node.value:
        sleutel = loader.construct_object(sleutel_node, deep=deep)
        if sleutel in gezien:
            raise ParameterbestandFout(f"dubbele sleutel {sleutel!r} (regel {sleutel_node.start_mark.line + 1})")
        gezien.add(sleutel)
    return loader.construct_mapping(node, deep)


_GeenDubbeleSleutels.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_zonder_dubbelen)


@dataclass(frozen=True)
class DatumWaarde:
    datum: dt.date
    waarde: float | str
    status: str
    bron: str
    toelichting: str
    reeksstatus: str = ""  # voorlopig / definitief (indexreeksen)


@dataclass(frozen=True)
class ParameterDefinitie:
    naam: str
    omschrijving: str
    eenheid: str
    rekenmethode: str
    soort: str  # getal | geheel | keuze
    waarden: tuple[DatumWaarde, ...]
    minimum: float | None = None
    min_exclusief: bool = False
    maximum: float | None = None
    keuzes: tuple[str, ...] = ()
    reeks: bool = False
    jaarlijks: bool = False  # elk jaar opnieuw vastgesteld: na het jaar van de laatste waarde 'doorgetrokken'

    def op(self, datum: dt.date) -> DatumWaarde | None:
        """De waarde die op ``datum`` geldt (laatste met datum <= peildatum), of None."""
        geldig = [w for w in self.waarden if w.datum <= datum]
        return geldig[-1] if geldig else None

    def buiten_bereik(self, waarde: float) -> str | None:
        """Nederlandse uitleg als ``waarde`` buiten het toegestane bereik valt."""
        if self.minimum is not None:
            if self.min_exclusief and waarde <= self.minimum:
                return f"moet groter zijn dan {_getal(self.minimum)} ({self.eenheid})"
            if not self.min_exclusief and waarde < self.minimum:
                return f"moet minstens {_getal(self.minimum)} zijn ({self.eenheid})"
        if self.maximum is not None and waarde > self.maximum:
            return f"mag niet groter zijn dan {_getal(self.maximum)} ({self.eenheid})"
        return None


def _getal(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def lees_definitie(naam: str, tekst: str) -> ParameterDefinitie:
    """Lees en controleer één parameterbestand."""
    try:
        data = yaml.load(tekst, Loader=_GeenDubbeleSleutels)
    except yaml.YAMLError as fout:
        raise ParameterbestandFout(f"{naam}: {fout}") from None
    except ParameterbestandFout as fout:
        raise ParameterbestandFout(f"{naam}: {fout}") from None
    for veld in ("omschrijving", "eenheid", "rekenmethode", "waarden"):
        if veld not in data:
            raise ParameterbestandFout(f"{naam}: veld '{veld}' ontbreekt")
    waarden = []
    for datum, inhoud in sorted(data["waarden"].items()):
        if not isinstance(datum, dt.date):
            raise ParameterbestandFout(f"{naam}: sleutel {datum!r} is geen datum")
        if inhoud.get("status") not in STATUSSEN or not inhoud.get("bron"):
            raise ParameterbestandFout(f"{naam} {datum}: status uit {sorted(STATUSSEN)} en bron zijn verplicht")
        if inhoud.get("reeksstatus", "") not in ("", "voorlopig", "definitief"):
            raise ParameterbestandFout(f"{naam} {datum}: reeksstatus is voorlopig of definitief")
        waarden.append(DatumWaarde(datum, inhoud["waarde"], inhoud["status"], inhoud["bron"],
                                   inhoud.get("toelichting", ""), inhoud.get("reeksstatus", "")))
    bereik = data.get("bereik") or {}
    return ParameterDefinitie(
        naam=naam, omschrijving=data["omschrijving"], eenheid=data["eenheid"],
        rekenmethode=data["rekenmethode"], soort=data.get("soort", "getal"), waarden=tuple(waarden),
        minimum=bereik.get("min"), min_exclusief=bool(bereik.get("min_exclusief")),
        maximum=bereik.get("max"), keuzes=tuple(data.get("keuzes", ())), reeks=bool(data.get("reeks")),
        jaarlijks=bool(data.get("jaarlijks")) or bool(data.get("reeks")),
    )


@lru_cache(maxsize=1)
def definities() -> dict[str, ParameterDefinitie]:
    """Alle meegeleverde parameters, op naam."""
    map_ = resources.files(__name__)
    uit = {}
    for bestand in sorted(map_.iterdir(), key=lambda p: p.name):
        if bestand.name.endswith(".yaml"):
            naam = bestand.name[: -len(".yaml")]
            uit[naam] = lees_definitie(naam, bestand.read_text(encoding="utf-8"))
    return uit


@cache
def gegevens(naam: str) -> dict:
    """De volledige inhoud van parameterbestand ``naam`` (ook de extra sleutels naast 'waarden')."""
    tekst = resources.files(__name__).joinpath(f"{naam}.yaml").read_text(encoding="utf-8")
    return yaml.load(tekst, Loader=_GeenDubbeleSleutels)


@dataclass(frozen=True)
class Salarisbedrag:
    schaal: str
    trede: str
    maandsalaris: float
    status: str
    bron: str
    peildatum: dt.date


@lru_cache(maxsize=1)
def cao_salaristabel() -> dict[tuple[str, str], Salarisbedrag]:
    """CAO Sociaal Werk, tabel per 1-7-2024 (kostprijs-bronnen.md §2.2), op (schaal, trede)."""
    tekst = resources.files(__name__).joinpath("cao_sociaal_werk.csv").read_text(encoding="utf-8")
    tabel = {}
    for r in csv.DictReader(tekst.splitlines()):
        bedrag = Salarisbedrag(r["schaal"], r["trede"].lower(), float(r["maandsalaris"]), r["status"], r["bron"],
                               dt.date.fromisoformat(r["peildatum"]))
        tabel[(bedrag.schaal, bedrag.trede)] = bedrag
    return tabel


@dataclass(frozen=True)
class Salaristabel:
    """Eén gedateerde CAO-tabel: geldig vanaf ``datum`` tot de volgende (rekenmethode §1.1 v2)."""

    datum: dt.date
    bedragen: dict  # (schaal, trede) -> maandsalaris
    status: str  # FACT/DERIVED/ESTIMATE van de tabel als geheel (cellen: Salarisbedrag.status)
    bron: str
    factor: float = 1.0  # samengestelde verhoging t.o.v. de eerste tabel (onafgerond)


@dataclass(frozen=True)
class CaoTabellen:
    tabellen: tuple[Salaristabel, ...]
    bekend_tot: dt.date  # einde looptijd van de laatste CAO: vanaf hier is een tabel doorgetrokken
    bekend_tot_bron: str


def _centen(x: float) -> float:
    """Half naar boven afronden op centen (Decimal, zoals Excel ROUND(x; 2))."""
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(x)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@lru_cache(maxsize=1)
def cao_tabellen() -> CaoTabellen:
    """De meegeleverde tabel 1-7-2024 plus de afgeleide tabellen uit cao_tabelverhoging.yaml (DERIVED):
    elke cel = vorige cel x (1 + verhoging), afgerond op centen."""
    basis = cao_salaristabel()
    eerste = min(b.peildatum for b in basis.values())
    tabellen = [Salaristabel(eerste, {k: b.maandsalaris for k, b in basis.items()}, "DERIVED",
                             "CAO Sociaal Werk, salaristabel per 1-7-2024 (uurlonen x 156), "
                             "https://nedflex.nl/kennisbank/sociaal-werk-cao/")]
    tekst = resources.files(__name__).joinpath("cao_tabelverhoging.yaml").read_text(encoding="utf-8")
    data = yaml.load(tekst, Loader=_GeenDubbeleSleutels)
    for w in lees_definitie("cao_tabelverhoging", tekst).waarden:
        vorige = tabellen[-1]
        bedragen = {k: _centen(v * (1 + w.waarde)) for k, v in vorige.bedragen.items()}
        tabellen.append(Salaristabel(w.datum, bedragen, "DERIVED", w.bron, vorige.factor * (1 + w.waarde)))
    return CaoTabellen(tuple(tabellen), data["bekend_tot"], data["bekend_tot_bron"])
