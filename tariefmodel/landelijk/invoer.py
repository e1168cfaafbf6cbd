"""Gevalideerde invoer van het landelijk model: wat het landelijk werkboek zegt, met rijnummers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from tariefmodel import uitgangspunten as up
from tariefmodel.meldingen import Melding

PARAMETERS_LANDELIJK = {
    "rekenjaar", "concept", "illustratief", "bezettingsnorm", "doel_weigerkans", "kosten_per_plaats",
    "reactie_nadeel", "reactie_voordeel", "max_verlies", "dagen_per_jaar", "istanbul_inwoners_per_plaats",
    "kosten_per_plaatsing", "doel_wachttijd", "gevoeligheid_bezetting",
}
"""Parameters die het blad Uitgangspunten van een landelijk werkboek kent (werkboekformaat.md, rekenmethode §2)."""


@dataclass(frozen=True)
class Regio:
    """Eén regel van het blad Regio's."""

    naam: str
    inwoners: float
    plaatsen: int
    historisch_budget: float
    maatstaven: Mapping[str, float] = field(default_factory=dict)  # maatstaf -> x_ik
    clienten: float | None = None
    verblijfsduur: float | None = None  # gemiddelde verblijfsduur in dagen
    rij: int | None = None


@dataclass(frozen=True)
class Maatstaf:
    naam: str
    aandeel: float  # g_k
    rij: int | None = None


@dataclass(frozen=True)
class Overgangsjaar:
    jaar: int
    budget: float  # Bud_t
    aandeel_objectief: float  # alfa_t
    rij: int | None = None
    aandeel_verlies: float | None = None  # beta_t (v2, kolom 'Aandeel verlies'); None = leeg


@dataclass(frozen=True)
class DuvoRegel:
    centrumgemeente: str
    jaar: int
    uitkering: float
    besteding_vrouwenopvang: float
    besteding_overig: float | None = None
    rij: int | None = None


@dataclass(frozen=True)
class Plaatsing:
    herkomst: str
    opvangregio: str
    aantal: float
    rij: int | None = None


@dataclass(frozen=True)
class Capaciteitsregel:
    """Eén regel van het blad Capaciteit (rekenmethode §2.4a, v2): één opvangeenheid."""

    centrumgemeente: str
    type: str  # nood | crisis | vervolg
    plaatsen: int
    verblijfsduur: float  # gemiddelde verblijfsduur in dagen
    opgenomen: float | None = None
    aanmeldingen: float | None = None
    model: str = "verlies"  # verlies | wachtrij (standaard per type al ingevuld)
    rij: int | None = None


@dataclass(frozen=True)
class LandelijkInvoer:
    uitgangspunten: Mapping[str, up.Uitgangspunt]
    regios: tuple[Regio, ...]
    maatstaven: tuple[Maatstaf, ...]
    overgang: tuple[Overgangsjaar, ...]
    duvo: tuple[DuvoRegel, ...] = ()
    plaatsingen: tuple[Plaatsing, ...] | None = None  # None = geen blad Plaatsingen
    bestandsnaam: str = ""
    sha256: str = ""
    waarschuwingen: tuple[Melding, ...] = field(default=())
    capaciteit: tuple[Capaciteitsregel, ...] | None = None  # None = geen blad Capaciteit

    @property
    def rekenjaar(self) -> int:
        return int(self.uitgangspunten["rekenjaar"].waarde)

    @property
    def illustratief(self) -> bool:
        gezet = self.uitgangspunten.get("illustratief")
        return bool(gezet and gezet.waarde)

    @property
    def concept(self) -> bool:
        gezet = self.uitgangspunten.get("concept")
        return bool(gezet and gezet.waarde)

    @property
    def jaren(self) -> tuple[int, ...]:
        return tuple(o.jaar for o in self.overgang)

    @property
    def aandeel_verlies(self) -> tuple[float, ...] | None:
        """β_t per jaar (rekenmethode §2.1 v2), of None als de kolom 'Aandeel verlies' overal leeg is (v1).

        Een leeg jaar in een verder gevulde kolom telt als 1: de verliezers dragen dan hun hele verlies.
        """
        if all(o.aandeel_verlies is None for o in self.overgang):
            return None
        return tuple(1.0 if o.aandeel_verlies is None else o.aandeel_verlies for o in self.overgang)

    def waarde(self, naam: str):
        gezet = self.uitgangspunten.get(naam)
        return None if gezet is None else gezet.waarde

    def met_scenario(self, parameters: Mapping[str, object]) -> LandelijkInvoer:
        """Een scenario: parameters overschreven (ValueError met Nederlandse tekst bij een fout)."""
        nieuw = replace(self, uitgangspunten=up.met_wijzigingen(self.uitgangspunten, parameters, PARAMETERS_LANDELIJK))
        nieuw.controleer_last()
        return nieuw

    def controleer_last(self) -> None:
        """Aangeboden last per regio (cliënten × verblijfsduur / dagen_per_jaar) binnen MAX_LAST_REGIO
        (tariefmodel/grenzen.py), ook na een scenario dat dagen_per_jaar verandert; anders ValueError."""
        from tariefmodel.grenzen import MAX_LAST_REGIO

        dagen = self.uitgangspunten.get("dagen_per_jaar")
        if dagen is None or not isinstance(dagen.waarde, (int, float)) or dagen.waarde <= 0:
            return
        for r in self.regios:
            if r.clienten and r.verblijfsduur and r.clienten * r.verblijfsduur / dagen.waarde > MAX_LAST_REGIO:
                dagen_nl, grens_nl = f"{dagen.waarde:g}".replace(".", ","), f"{MAX_LAST_REGIO:,}".replace(",", ".")
                raise ValueError(f"met dagen_per_jaar = {dagen_nl} vraagt {r.naam} (Regio's, rij {r.rij}) meer "
                                 f"dan {grens_nl} plaatsen tegelijk; dat kan niet kloppen")


def maak_uitgangspunten(rekenjaar: int, **waarden) -> dict[str, up.Uitgangspunt]:
    """Uitgangspunten zonder werkboek (tests, app): de standaard van het rekenjaar plus ``waarden``.

    ``waarden`` worden net zo gecontroleerd als een scenario (ValueError bij een waarde buiten bereik).
    """
    jaar = up.Uitgangspunt("rekenjaar", int(rekenjaar), "jaar", "OPGEGEVEN", "opgegeven", "scenario")
    basis = up.vul_standaarden({"rekenjaar": jaar}, PARAMETERS_LANDELIJK, int(rekenjaar))
    return up.met_wijzigingen(basis, waarden, PARAMETERS_LANDELIJK)
