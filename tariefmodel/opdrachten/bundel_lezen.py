"""Het landelijk beeld uit een map kostprijswerkboeken (één per VO-organisatie).

Elk bestand wordt apart gelezen en berekend (rekenmethode §1); een fout in één bestand wordt gemeld
zonder de rest te stoppen. Optellen gebeurt onafgerond; gewogen kostprijzen zijn totale kosten gedeeld
door totaal normvolume, dus gewogen met het volume van elke organisatie.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tariefmodel.afronding import rond_euro
from tariefmodel.foutteksten import os_fout
from tariefmodel.kostprijs.berekening import KostprijsResultaat, ProductResultaat, bereken
from tariefmodel.meldingen import Melding, WerkboekFout
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tariefmodel.werkboek.lezen import open_werkboek, zoek_blad

BEREKEND, FOUT, OVERGESLAGEN = "berekend", "fout", "overgeslagen"
SOORTEN = (("opvang", "etmaal"), ("ambulant", "uur"), ("ambulant", "traject"))


@dataclass(frozen=True)
class BundelBestand:
    """Eén bestand uit de map: berekend, fout (met meldingen) of overgeslagen (met reden)."""

    naam: str
    status: str
    resultaat: KostprijsResultaat | None = None
    meldingen: tuple[Melding, ...] = ()
    reden: str = ""


@dataclass(frozen=True)
class SoortTotaal:
    """Alle producten van één soort en eenheid over de organisaties heen."""

    soort: str
    eenheid: str
    producten: int
    organisaties: int
    integrale_kosten: float
    normvolume: float  # etmalen (opvang) of directe uren (ambulant)
    plaatsen: float | None  # opvang
    trajecten: float | None  # traject: capaciteit in trajecten (directe uren / uren per traject)
    producten_met_tarief: int
    opbrengst: float | None  # alleen producten met een gemeentetarief
    tekort: float | None

    @property
    def kostprijs_gewogen(self) -> float | None:
        """Per etmaal (opvang), per uur of per traject: Σ integrale kosten / Σ normvolume."""
        noemer = self.trajecten if self.eenheid == "traject" else self.normvolume
        return self.integrale_kosten / noemer if noemer else None


@dataclass(frozen=True)
class OrganisatieRegel:
    bestand: str
    organisatie: str
    rekenjaar: int
    integrale_kosten: float
    opbrengst: float
    tekort: float
    producten_zonder_tarief: tuple[str, ...]
    plaatsen: float
    kostprijs_per_etmaal: float | None  # gewogen over de opvangproducten van de organisatie
    kostprijs_per_uur: float | None  # gewogen over de ambulante producten
    kosten_per_plaats_per_jaar: float | None  # lumpsum-equivalent opvang
    overhead_percentage: float


@dataclass(frozen=True)
class BundelResultaat:
    bestanden: tuple[BundelBestand, ...]
    organisaties: tuple[OrganisatieRegel, ...]
    per_soort: tuple[SoortTotaal, ...]
    waarschuwingen: tuple[str, ...] = field(default=())

    @property
    def berekend(self) -> tuple[BundelBestand, ...]:
        return tuple(b for b in self.bestanden if b.status == BEREKEND)

    @property
    def fouten(self) -> tuple[BundelBestand, ...]:
        return tuple(b for b in self.bestanden if b.status == FOUT)

    @property
    def integrale_kosten(self) -> float:
        return sum(s.integrale_kosten for s in self.per_soort)

    @property
    def opbrengst(self) -> float:
        return sum(s.opbrengst or 0.0 for s in self.per_soort)

    @property
    def tekort(self) -> float:
        return sum(s.tekort or 0.0 for s in self.per_soort)

    def _soort(self, soort: str, eenheid: str | None = None) -> list[SoortTotaal]:
        return [s for s in self.per_soort if s.soort == soort and (eenheid is None or s.eenheid == eenheid)]

    @property
    def kostprijs_per_etmaal(self) -> float | None:
        """Landelijk gewogen: Σ I_p / Σ V_p over alle opvangproducten."""
        return _verhouding(self._soort("opvang"), "normvolume")

    @property
    def kostprijs_per_uur(self) -> float | None:
        """Landelijk gewogen: Σ I_p / Σ H_p over alle ambulante producten (uur en traject)."""
        return _verhouding(self._soort("ambulant"), "normvolume")

    @property
    def kosten_per_plaats_per_jaar(self) -> float | None:
        """Lumpsum-equivalent: Σ I_p / Σ plaatsen over alle opvangproducten (c voor het landelijk model)."""
        return _verhouding(self._soort("opvang"), "plaatsen")


def _verhouding(soorten: list[SoortTotaal], noemer: str) -> float | None:
    boven = sum(s.integrale_kosten for s in soorten)
    onder = sum(getattr(s, noemer) or 0.0 for s in soorten)
    return boven / onder if onder else None


# --- Bestanden lezen en berekenen ----------------------------------------------------------------------

def xlsx_in_map(map_: Path | str) -> list[Path]:
    """De .xlsx-bestanden in een map (niet recursief), zonder Excel-slotbestanden (~$...)."""
    return sorted((p for p in Path(map_).iterdir()
                   if p.is_file() and p.suffix.casefold() == ".xlsx" and not p.name.startswith("~$")),
                  key=lambda p: p.name.casefold())


def bereken_bestand(naam: str, data: bytes) -> BundelBestand:
    """Lees en bereken één kostprijswerkboek; een landelijk werkboek wordt overgeslagen."""
    try:
        if zoek_blad(open_werkboek(data), "Regio's") is not None:
            return BundelBestand(naam, OVERGESLAGEN, reden="landelijk werkboek (blad Regio's), geen kostprijswerkboek")
        resultaat = bereken(lees_kostprijswerkboek(data, naam))
    except WerkboekFout as fout:
        return BundelBestand(naam, FOUT, meldingen=tuple(fout.meldingen))
    except Exception as fout:  # noqa: BLE001 - één kapot bestand mag de bundel niet stoppen
        bericht = (f"interne fout bij het berekenen van dit bestand ({type(fout).__name__}); dit is een fout in "
                   "het programma, niet in uw werkboek: meld het aan de beheerder")
        return BundelBestand(naam, FOUT, meldingen=(Melding(bericht),))
    return BundelBestand(naam, BEREKEND, resultaat, tuple(resultaat.invoer.waarschuwingen))


def bundel(bestanden: Iterable[tuple[str, bytes | OSError]]) -> BundelResultaat:
    """Bereken elk (naam, bytes)-paar en tel de berekende op. Dubbele inhoud telt één keer.

    In plaats van bytes mag een OSError staan (bestand niet te lezen); dat wordt een foutmelding.
    """
    uitkomsten, gezien = [], {}
    for naam, data in bestanden:
        if isinstance(data, OSError):
            bericht = f"het bestand kan niet worden gelezen ({os_fout(data)})"
            uitkomsten.append(BundelBestand(naam, FOUT, meldingen=(Melding(bericht),)))
            continue
        sleutel = hashlib.sha256(data).hexdigest()
        if sleutel in gezien:
            uitkomsten.append(BundelBestand(naam, OVERGESLAGEN, reden=f"zelfde inhoud als '{gezien[sleutel]}'; "
                                            "één keer meegeteld"))
            continue
        gezien[sleutel] = naam
        uitkomsten.append(bereken_bestand(naam, data))
    return aggregeer(uitkomsten)


def _lees(pad: Path) -> bytes | OSError:
    try:
        return pad.read_bytes()
    except OSError as fout:
        return fout


def bundel_map(map_: Path | str) -> BundelResultaat:
    """``bundel`` over alle .xlsx-bestanden in een map (alleen lezen; er wordt niets geschreven)."""
    return bundel((pad.name, _lees(pad)) for pad in xlsx_in_map(map_))


# --- Optellen ------------------------------------------------------------------------------------------

def aggregeer(bestanden: Iterable[BundelBestand]) -> BundelResultaat:
    """Tel de berekende bestanden op per soort/eenheid en per organisatie."""
    bestanden = tuple(bestanden)
    resultaten = [b.resultaat for b in bestanden if b.status == BEREKEND]
    producten = [(r, p) for r in resultaten for p in r.producten]
    per_soort = tuple(_soort_totaal(s, e, [(r, p) for r, p in producten
                                           if (p.product.soort, p.product.eenheid) == (s, e)])
                      for s, e in SOORTEN)
    organisaties = tuple(_organisatie(b.naam, b.resultaat) for b in bestanden if b.status == BEREKEND)
    return BundelResultaat(bestanden, organisaties, tuple(s for s in per_soort if s.producten),
                           _waarschuwingen(organisaties))


def _soort_totaal(soort: str, eenheid: str, paren: list[tuple[KostprijsResultaat, ProductResultaat]]) -> SoortTotaal:
    met_tarief = [p for _, p in paren if p.gemeentetarief is not None]
    return SoortTotaal(
        soort=soort, eenheid=eenheid, producten=len(paren),
        organisaties=len({id(r) for r, _ in paren}),
        integrale_kosten=float(sum(p.integrale_kosten for _, p in paren)),
        normvolume=float(sum(p.normvolume for _, p in paren)),
        plaatsen=float(sum(p.product.plaatsen for _, p in paren)) if soort == "opvang" else None,
        trajecten=(float(sum(p.normvolume / p.product.uren_per_traject for _, p in paren))
                   if eenheid == "traject" else None),
        producten_met_tarief=len(met_tarief),
        opbrengst=float(sum(p.opbrengst for p in met_tarief)) if met_tarief else None,
        tekort=float(sum(p.tekort for p in met_tarief)) if met_tarief else None,
    )


def _organisatie(naam: str, r: KostprijsResultaat) -> OrganisatieRegel:
    opvang = [p for p in r.producten if p.product.soort == "opvang"]
    ambulant = [p for p in r.producten if p.product.soort == "ambulant"]
    kosten_opvang = sum(p.integrale_kosten for p in opvang)
    plaatsen = float(sum(p.product.plaatsen for p in opvang))
    volume = sum(p.normvolume for p in opvang)
    uren = sum(p.normvolume for p in ambulant)
    return OrganisatieRegel(
        bestand=naam, organisatie=r.invoer.organisatie, rekenjaar=r.invoer.rekenjaar,
        integrale_kosten=float(r.integrale_kosten), opbrengst=float(r.opbrengst), tekort=float(r.tekort),
        producten_zonder_tarief=tuple(p.code for p in r.producten if p.gemeentetarief is None), plaatsen=plaatsen,
        kostprijs_per_etmaal=float(kosten_opvang / volume) if volume else None,
        kostprijs_per_uur=float(sum(p.integrale_kosten for p in ambulant) / uren) if uren else None,
        kosten_per_plaats_per_jaar=float(kosten_opvang / plaatsen) if plaatsen else None,
        overhead_percentage=float(r.overhead_percentage),
    )


def _waarschuwingen(organisaties: tuple[OrganisatieRegel, ...]) -> tuple[str, ...]:
    uit = []
    jaren = sorted({o.rekenjaar for o in organisaties})
    if len(jaren) > 1:
        uit.append(f"de werkboeken hebben verschillende rekenjaren ({', '.join(map(str, jaren))}); de totalen tellen "
                   "bedragen uit verschillende jaren op")
    namen: dict[str, str] = {}
    for o in organisaties:
        if o.organisatie.casefold() in namen:
            uit.append(f"organisatie '{o.organisatie}' staat in twee bestanden ('{namen[o.organisatie.casefold()]}' "
                       f"en '{o.bestand}'); controleer of ze niet dubbel meetelt")
        namen.setdefault(o.organisatie.casefold(), o.bestand)
    return tuple(uit)


# --- JSON ----------------------------------------------------------------------------------------------

def bundel_naar_json(r: BundelResultaat) -> dict:
    """Het landelijk beeld als JSON; eurobedragen op centen, ontbrekend = null."""
    return {
        "aantal": {"berekend": len(r.berekend), "fout": len(r.fouten),
                   "overgeslagen": sum(b.status == OVERGESLAGEN for b in r.bestanden)},
        "totaal": {"integrale_kosten": rond_euro(r.integrale_kosten), "opbrengst": rond_euro(r.opbrengst),
                   "tekort": rond_euro(r.tekort)},
        "gewogen_kostprijs": {"per_etmaal": rond_euro(r.kostprijs_per_etmaal),
                              "per_uur": rond_euro(r.kostprijs_per_uur)},
        "kosten_per_plaats_per_jaar": rond_euro(r.kosten_per_plaats_per_jaar),
        "per_soort": [{
            "soort": s.soort, "eenheid": s.eenheid, "producten": s.producten, "organisaties": s.organisaties,
            "integrale_kosten": rond_euro(s.integrale_kosten), "normvolume": s.normvolume, "plaatsen": s.plaatsen,
            "trajecten": s.trajecten, "kostprijs_gewogen": rond_euro(s.kostprijs_gewogen),
            "producten_met_tarief": s.producten_met_tarief, "opbrengst": rond_euro(s.opbrengst),
            "tekort": rond_euro(s.tekort),
        } for s in r.per_soort],
        "organisaties": [{
            "bestand": o.bestand, "organisatie": o.organisatie, "rekenjaar": o.rekenjaar,
            "integrale_kosten": rond_euro(o.integrale_kosten), "opbrengst": rond_euro(o.opbrengst),
            "tekort": rond_euro(o.tekort), "producten_zonder_tarief": list(o.producten_zonder_tarief),
            "plaatsen": o.plaatsen, "kostprijs_per_etmaal": rond_euro(o.kostprijs_per_etmaal),
            "kostprijs_per_uur": rond_euro(o.kostprijs_per_uur),
            "kosten_per_plaats_per_jaar": rond_euro(o.kosten_per_plaats_per_jaar),
            "overhead_percentage": o.overhead_percentage,
        } for o in r.organisaties],
        "bestanden": [{"naam": b.naam, "status": b.status, "reden": b.reden or None,
                       "meldingen": [m.tekst() for m in b.meldingen if m.ernst == "fout"],
                       "waarschuwingen": [m.tekst() for m in b.meldingen if m.ernst != "fout"]}
                      for b in r.bestanden],
        "waarschuwingen": list(r.waarschuwingen),
    }
