"""Het landelijk beeld uit de kostprijsresultaten van veel VO-organisaties (werkboekformaat v2, `bundel`).

Geen bestanden en geen werkboeken hier: de opdrachtkant (tariefmodel/opdrachten/bundel_lezen.py) leest de
werkboeken en geeft per bestand een ``BundelBestand``. Dit model
- weigert een bundel met dezelfde organisatie twee keer of met verschillende rekenjaren (nooit optellen);
- telt per organisatie en producttype (soort + eenheid) de kosten, opbrengst en het tekort op, precies de
  bedragen van ``bereken`` per werkboek (rekenmethode §1.6);
- middelt prijzen op één manier: **gewogen met het volume** waarover de kostprijs is berekend
  (v_p = I_p / kostprijs_p: etmalen op de bezettingsnorm, directe uren, of trajecten), dus
  gewogen kostprijs = Σ I_p / Σ v_p en gewogen tarief = Σ tarief_p · v_p / Σ v_p (producten met een tarief);
- rekent het landelijk tekort van de opvang om naar plaatsen tegen de kostendekkende prijs:
  tekort opvang / (Σ I_p / Σ plaatsen_p);
- geeft een sectorbenchmark per producttype: mediaan en kwartielen (lineair geïnterpoleerd, als
  Excel KWARTIEL.INC) van de gewogen kostprijs van elke organisatie; elke organisatie telt één keer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from tariefmodel.kostprijs.berekening import KostprijsResultaat, ProductResultaat
from tariefmodel.meldingen import Melding

BEREKEND, FOUT, OVERGESLAGEN, VOORBEELD = "berekend", "fout", "overgeslagen", "voorbeeld"
SOORTEN = (("opvang", "etmaal"), ("ambulant", "uur"), ("ambulant", "traject"))
SOORTNAAM = {("opvang", "etmaal"): "Opvang (per etmaal)", ("ambulant", "uur"): "Ambulant (per uur)",
             ("ambulant", "traject"): "Ambulant (per traject)"}
KWARTIELEN = (25, 50, 75)


@dataclass(frozen=True)
class BundelBestand:
    """Eén bestand uit de map of upload: berekend, fout (met meldingen), overgeslagen of voorbeeld (met reden)."""

    naam: str
    status: str
    resultaat: KostprijsResultaat | None = None
    meldingen: tuple[Melding, ...] = ()
    reden: str = ""
    sha256: str = ""
    centrumgemeente: str | None = None  # geraden uit organisatie- of bestandsnaam; None = onbekend


class BundelGeweigerd(ValueError):
    """Dezelfde organisatie twee keer of verschillende rekenjaren: de bundel wordt niet opgeteld."""

    def __init__(self, redenen: list[str]):
        super().__init__("; ".join(redenen))
        self.redenen = tuple(redenen)


@dataclass(frozen=True)
class Soortregel:
    """Alle producten van één producttype (soort + eenheid) van één organisatie, of landelijk."""

    soort: str
    eenheid: str
    producten: int
    integrale_kosten: float
    volume: float  # Σ v_p in de eenheid (etmalen, uren of trajecten)
    plaatsen: float | None  # opvang
    volume_met_tarief: float
    tarief_maal_volume: float  # Σ tarief_p · v_p over producten met een tarief
    producten_met_tarief: int
    opbrengst: float | None  # Σ over producten met een gemeentetarief (§1.6); None = geen tarief
    tekort: float | None

    @property
    def naam(self) -> str:
        return SOORTNAAM[(self.soort, self.eenheid)]

    @property
    def kostprijs(self) -> float | None:
        """Gewogen met het volume: Σ I_p / Σ v_p."""
        return self.integrale_kosten / self.volume if self.volume else None

    @property
    def tarief(self) -> float | None:
        """Gewogen met het volume: Σ tarief_p · v_p / Σ v_p (alleen producten met een tarief)."""
        return self.tarief_maal_volume / self.volume_met_tarief if self.volume_met_tarief else None

    @property
    def kosten_per_plaats_per_jaar(self) -> float | None:
        return self.integrale_kosten / self.plaatsen if self.plaatsen else None


@dataclass(frozen=True)
class Organisatie:
    bestand: str
    organisatie: str
    rekenjaar: int
    sha256: str
    centrumgemeente: str | None
    integrale_kosten: float
    opbrengst: float
    tekort: float
    producten_zonder_tarief: tuple[str, ...]
    overhead_percentage: float
    per_soort: tuple[Soortregel, ...]

    def soort(self, soort: str, eenheid: str) -> Soortregel | None:
        return next((s for s in self.per_soort if (s.soort, s.eenheid) == (soort, eenheid)), None)


@dataclass(frozen=True)
class Benchmark:
    """Sectorbenchmark van één producttype: elke organisatie één waarneming (haar gewogen kostprijs)."""

    soort: str
    eenheid: str
    waarden: tuple[tuple[str, str, float], ...]  # (schuilnaam, organisatie, gewogen kostprijs), oplopend
    kwartiel_1: float
    mediaan: float
    kwartiel_3: float

    @property
    def naam(self) -> str:
        return SOORTNAAM[(self.soort, self.eenheid)]


@dataclass(frozen=True)
class Sectorbeeld:
    bestanden: tuple[BundelBestand, ...]
    organisaties: tuple[Organisatie, ...]
    per_soort: tuple[Soortregel, ...]  # landelijk
    benchmark: tuple[Benchmark, ...]
    rekenjaar: int | None
    waarschuwingen: tuple[str, ...] = field(default=())

    def _status(self, status: str) -> tuple[BundelBestand, ...]:
        return tuple(b for b in self.bestanden if b.status == status)

    @property
    def berekend(self) -> tuple[BundelBestand, ...]:
        return self._status(BEREKEND)

    @property
    def fouten(self) -> tuple[BundelBestand, ...]:
        return self._status(FOUT)

    @property
    def overgeslagen(self) -> tuple[BundelBestand, ...]:
        return self._status(OVERGESLAGEN)

    @property
    def voorbeelden(self) -> tuple[BundelBestand, ...]:
        return self._status(VOORBEELD)

    @property
    def integrale_kosten(self) -> float:
        return sum(o.integrale_kosten for o in self.organisaties)

    @property
    def opbrengst(self) -> float:
        return sum(o.opbrengst for o in self.organisaties)

    @property
    def tekort(self) -> float:
        """Landelijk tekort: Σ van de tekorten die ``bereken`` per werkboek geeft (producten met een tarief)."""
        return sum(o.tekort for o in self.organisaties)

    def soort(self, soort: str, eenheid: str) -> Soortregel | None:
        return next((s for s in self.per_soort if (s.soort, s.eenheid) == (soort, eenheid)), None)

    @property
    def kosten_per_plaats_per_jaar(self) -> float | None:
        """Lumpsum-equivalent: Σ I_p / Σ plaatsen van alle opvangproducten (c voor het landelijk model)."""
        opvang = self.soort("opvang", "etmaal")
        return opvang.kosten_per_plaats_per_jaar if opvang else None

    @property
    def tekort_in_plaatsen(self) -> float | None:
        """Het tekort van de opvang in plaatsen tegen de kostendekkende prijs: tekort / kosten per plaats."""
        opvang = self.soort("opvang", "etmaal")
        c = self.kosten_per_plaats_per_jaar
        return None if opvang is None or opvang.tekort is None or not c else opvang.tekort / c


# --- controles --------------------------------------------------------------------------------------------

def controleer(bestanden: Iterable[BundelBestand]) -> None:
    """Weiger (BundelGeweigerd) dezelfde organisatie in twee bestanden of verschillende rekenjaren, met namen."""
    berekend = [b for b in bestanden if b.status == BEREKEND]
    redenen = []
    per_org: dict[str, list[str]] = {}
    for b in berekend:
        per_org.setdefault(_sleutel(b.resultaat.invoer.organisatie), []).append(b.naam)
    for namen in per_org.values():
        if len(namen) > 1:
            org = next(b.resultaat.invoer.organisatie for b in berekend if b.naam == namen[0])
            redenen.append(f"organisatie '{org}' staat in meer dan één bestand: {_lijst(namen)}; laat er één over")
    per_jaar: dict[int, list[str]] = {}
    for b in berekend:
        per_jaar.setdefault(b.resultaat.invoer.rekenjaar, []).append(b.naam)
    if len(per_jaar) > 1:
        delen = "; ".join(f"{jaar}: {_lijst(namen)}" for jaar, namen in sorted(per_jaar.items()))
        redenen.append(f"de werkboeken hebben verschillende rekenjaren ({delen}); een landelijk beeld is voor één "
                       "rekenjaar: kies de werkboeken van één jaar")
    if redenen:
        raise BundelGeweigerd(redenen)


def _sleutel(organisatie: str) -> str:
    return " ".join(organisatie.casefold().split())


def _lijst(namen: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in namen)


# --- optellen ---------------------------------------------------------------------------------------------

def sectorbeeld(bestanden: Iterable[BundelBestand]) -> Sectorbeeld:
    """Controleer (zie ``controleer``) en tel de berekende bestanden op per organisatie en producttype."""
    bestanden = tuple(bestanden)
    controleer(bestanden)
    berekend = [b for b in bestanden if b.status == BEREKEND]
    organisaties = tuple(_organisatie(b) for b in berekend)
    producten = [p for b in berekend for p in b.resultaat.producten]
    per_soort = tuple(r for s, e in SOORTEN if (r := _soortregel(s, e, producten)) is not None)
    jaren = {b.resultaat.invoer.rekenjaar for b in berekend}
    return Sectorbeeld(bestanden, organisaties, per_soort, _benchmarks(organisaties),
                       next(iter(jaren)) if jaren else None, _waarschuwingen(organisaties))


def volume(p: ProductResultaat) -> float:
    """v_p = I_p / kostprijs_p: het volume in de eenheid van het product waarover de kosten verdeeld zijn."""
    return p.integrale_kosten / p.kostprijs if p.kostprijs else 0.0


def _soortregel(soort: str, eenheid: str, producten: list[ProductResultaat]) -> Soortregel | None:
    eigen = [p for p in producten if (p.product.soort, p.product.eenheid) == (soort, eenheid)]
    if not eigen:
        return None
    met_tarief = [p for p in eigen if p.gemeentetarief is not None]
    return Soortregel(
        soort=soort, eenheid=eenheid, producten=len(eigen),
        integrale_kosten=float(sum(p.integrale_kosten for p in eigen)),
        volume=float(sum(volume(p) for p in eigen)),
        plaatsen=float(sum(p.product.plaatsen for p in eigen)) if soort == "opvang" else None,
        volume_met_tarief=float(sum(volume(p) for p in met_tarief)),
        tarief_maal_volume=float(sum(p.gemeentetarief * volume(p) for p in met_tarief)),
        producten_met_tarief=len(met_tarief),
        opbrengst=float(sum(p.opbrengst for p in met_tarief)) if met_tarief else None,
        tekort=float(sum(p.tekort for p in met_tarief)) if met_tarief else None,
    )


def _organisatie(b: BundelBestand) -> Organisatie:
    r = b.resultaat
    soorten = tuple(x for s, e in SOORTEN if (x := _soortregel(s, e, list(r.producten))) is not None)
    return Organisatie(
        bestand=b.naam, organisatie=r.invoer.organisatie, rekenjaar=r.invoer.rekenjaar,
        sha256=b.sha256 or hashlib.sha256(b.naam.encode()).hexdigest(), centrumgemeente=b.centrumgemeente,
        integrale_kosten=float(r.integrale_kosten), opbrengst=float(r.opbrengst), tekort=float(r.tekort),
        producten_zonder_tarief=tuple(p.code for p in r.producten if p.gemeentetarief is None),
        overhead_percentage=float(r.overhead_percentage), per_soort=soorten,
    )


def schuilnamen(organisaties: Iterable[Organisatie]) -> dict[str, str]:
    """Bestandsnaam -> 'VO 1', 'VO 2', …; genummerd in de volgorde van de sha256 van het werkboek, zodat de
    nummering niets zegt over naam, grootte of prijs en bij dezelfde bestanden hetzelfde blijft."""
    volgorde = sorted(organisaties, key=lambda o: o.sha256)
    return {o.bestand: f"VO {i}" for i, o in enumerate(volgorde, start=1)}


def schuilvolgorde(schuilnaam: str) -> int:
    """Sorteersleutel voor 'VO 2' vóór 'VO 10'."""
    return int(schuilnaam.rsplit(" ", 1)[-1]) if schuilnaam.rsplit(" ", 1)[-1].isdigit() else 0


def kwartielen(waarden: Iterable[float]) -> tuple[float, float, float]:
    """Q1, mediaan, Q3 met lineaire interpolatie (numpy 'linear' = Excel KWARTIEL.INC)."""
    q1, q2, q3 = np.percentile(np.asarray(list(waarden), dtype=float), KWARTIELEN)
    return float(q1), float(q2), float(q3)


def _benchmarks(organisaties: tuple[Organisatie, ...]) -> tuple[Benchmark, ...]:
    namen = schuilnamen(organisaties)
    uit = []
    for s, e in SOORTEN:
        waarden = sorted(((namen[o.bestand], o.organisatie, x.kostprijs) for o in organisaties
                          if (x := o.soort(s, e)) is not None and x.kostprijs is not None), key=lambda w: w[2])
        if waarden:
            uit.append(Benchmark(s, e, tuple(waarden), *kwartielen(w[2] for w in waarden)))
    return tuple(uit)


def _waarschuwingen(organisaties: tuple[Organisatie, ...]) -> tuple[str, ...]:
    zonder = [o.organisatie for o in organisaties if o.producten_zonder_tarief]
    if not zonder:
        return ()
    return ((f"{len(zonder)} organisatie(s) hebben producten zonder gemeentetarief; die tellen mee in de kosten "
            "maar niet in opbrengst en tekort"),)
