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
        """Een scenario: parameters en gemeentetarieven overschreven, de rest ongewijzigd."""
        # binnen de functie: controle importeert deze module
        from tariefmodel.kostprijs.controle import scenario_uren_fout

        nieuw = up.met_wijzigingen(self.uitgangspunten, parameters or {}, PARAMETERS_KOSTPRIJS)
        personeel = self.personeel
        if int(nieuw["rekenjaar"].waarde) != self.rekenjaar:
            from tariefmodel.kostprijs.salaris import salarissen_voor_jaar

            personeel = salarissen_voor_jaar(personeel, int(nieuw["rekenjaar"].waarde), self.salaristabel)
        fout = scenario_uren_fout(nieuw)
        if fout:
            raise ValueError(fout)
        producten = self.producten
        if tarieven:
            codes = {p.code for p in producten}
            onbekend = sorted(set(tarieven) - codes)
            if onbekend:
                raise ValueError(f"onbekende productcode(s) voor gemeentetarief: {', '.join(onbekend)}")
            producten = tuple(replace(p, gemeentetarief=_tarief(p.code, tarieven[p.code])) if p.code in tarieven
                              else p for p in producten)
        return replace(self, uitgangspunten=nieuw, producten=producten, personeel=personeel)


def _tarief(code: str, waarde: object) -> float:
    from tariefmodel.getallen import GeenGetal, lees_getal

    try:
        getal = lees_getal(waarde)
    except GeenGetal as fout:
        raise ValueError(f"gemeentetarief {code}: {fout}") from None
    if getal < 0:
        raise ValueError(f"gemeentetarief {code}: mag niet negatief zijn")
    return getal
