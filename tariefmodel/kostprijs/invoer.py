"""Gevalideerde invoer van het kostprijsmodel: wat het werkboek zegt, met rijnummers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from tariefmodel import uitgangspunten as up
from tariefmodel.meldingen import Melding

OVERHEAD = "OVERHEAD"
PARAMETERS_KOSTPRIJS = {
    "organisatie", "rekenjaar", "concept", "overhead_methode", "vakantietoeslag", "eindejaarsuitkering",
    "loopbaanbudget", "sociale_premies", "pensioen_werkgever", "pensioen_franchise",
    "overige_personeelskosten_per_fte", "jaaruren", "verlofuren", "feestdaguren", "verzuim",
    "scholing_overleg_uren", "directe_tijd_ambulant", "overhead_norm", "risico_opslag", "dagen_per_jaar",
    "bezettingsnorm", "cao_stijging", "prijsindex", "ova", "tarief_index", "meerjaren_jaren",
    # v2 (rekenmethode §1.1, §1.6, §1.8)
    "werkgever_grootte", "maximum_premieloon", "arbeidsmarkttoeslag", "amt_schaal_min", "amt_schaal_max",
    "ort_max_schaal", "ort_max_trede", "bezettingsnorm_methode", "doel_weigerkans", "tarief_index_methode",
}
"""Parameters die het blad Uitgangspunten van een kostprijswerkboek kent (rekenmethode.md §1)."""


@dataclass(frozen=True)
class Product:
    code: str
    naam: str
    soort: str  # opvang | ambulant
    eenheid: str  # etmaal | uur | traject
    plaatsen: float | None = None
    werkelijke_bezetting: float | None = None
    uren_per_traject: float | None = None
    trajecten_per_jaar: float | None = None
    gemeentetarief: float | None = None
    rij: int | None = None
    bezettingsnorm: float | None = None  # v2: eigen normbezetting (leeg = Uitgangspunten)


@dataclass(frozen=True)
class Personeelsregel:
    functie: str
    product: str
    fte: float
    maandsalaris: float
    ort: float = 0.0
    schaal: str | None = None
    trede: str | None = None
    salarisbron: str = "werkboek"
    rij: int | None = None


@dataclass(frozen=True)
class Kostenregel:
    product: str
    kostensoort: str
    bedrag: float
    omschrijving: str = ""
    rij: int | None = None


@dataclass(frozen=True)
class KostprijsInvoer:
    uitgangspunten: Mapping[str, up.Uitgangspunt]
    producten: tuple[Product, ...]
    personeel: tuple[Personeelsregel, ...]
    kosten: tuple[Kostenregel, ...]
    bestandsnaam: str = ""
    sha256: str = ""
    waarschuwingen: tuple[Melding, ...] = field(default=())
    salaristabel: Mapping[tuple[str, str], float] = field(default_factory=dict)  # eigen blad Salaristabel

    @property
    def organisatie(self) -> str:
        return str(self.uitgangspunten["organisatie"].waarde)

    @property
    def rekenjaar(self) -> int:
        return int(self.uitgangspunten["rekenjaar"].waarde)

    @property
    def concept(self) -> bool:
        gezet = self.uitgangspunten.get("concept")
        return bool(gezet and gezet.waarde)

    def waarde(self, naam: str):
        return self.uitgangspunten[naam].waarde

    def getallen(self) -> dict[str, float]:
        """Alle numerieke parameters als {naam: waarde} voor de rekenfuncties."""
        return {n: u.waarde for n, u in self.uitgangspunten.items()
                if isinstance(u.waarde, (int, float)) and not isinstance(u.waarde, bool)}

    def met_scenario(self, parameters: Mapping[str, object] | None = None,
                     tarieven: Mapping[str, float] | None = None) -> KostprijsInvoer:
        """Een scenario: parameters, productwijzigingen (``plaatsen[CODE]`` …, kostprijs/hefbomen.py) en
        gemeentetarieven overschreven, de rest ongewijzigd. Een ander rekenjaar ververst de CAO-salarissen."""
        from tariefmodel.kostprijs import hefbomen

        algemeen = {n: w for n, w in (parameters or {}).items() if not hefbomen.is_producthefboom(n)}
        per_product = {n: _getal(n, w) for n, w in (parameters or {}).items() if hefbomen.is_producthefboom(n)}
        per_product |= {hefbomen.naam("gemeentetarief", str(c).strip().upper()): _getal(f"gemeentetarief {c}", w)
                        for c, w in (tarieven or {}).items()}
        # binnen de functie: controle importeert deze module
        from tariefmodel.kostprijs.controle import scenario_uren_fout

        nieuw = up.met_wijzigingen(self.uitgangspunten, algemeen, PARAMETERS_KOSTPRIJS)
        fout = scenario_uren_fout(nieuw)
        if fout:
            raise ValueError(fout)
        personeel = self.personeel
        if int(nieuw["rekenjaar"].waarde) != self.rekenjaar:
            from tariefmodel.kostprijs.salaris import salarissen_voor_jaar

            personeel = salarissen_voor_jaar(personeel, int(nieuw["rekenjaar"].waarde), self.salaristabel)
        uit = replace(self, uitgangspunten=nieuw, personeel=personeel)
        return hefbomen.pas_toe(uit, per_product) if per_product else uit


def _getal(naam: str, waarde: object) -> float:
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        return float(waarde)
    from tariefmodel.getallen import GeenGetal, lees_getal

    try:
        return lees_getal(waarde)
    except GeenGetal as fout:
        raise ValueError(f"{naam}: {fout}") from None
