"""Uitgangspunten: de parameterwaarden van één berekening, met herkomst, status en bron.

Volgorde (rekenmethode.md, inleiding): scenario > werkboek > meegeleverde gedateerde standaard.
Peildatum van een rekenjaar: 1 juli (midden van het jaar; zie docs/rekenmethode-uitbreidingen.md).
Reeksen (ova, cao_stijging, prijsindex) mogen per jaar gezet worden als ``naam_<jaar>``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from tariefmodel.cao_tabellen import cao_stijging_tabellen
from tariefmodel.getallen import GeenGetal, fractie_fout, is_excel_fout, is_leeg, kort, lees_getal
from tariefmodel.kalender import feestdagen_op_werkdag
from tariefmodel.meldingen import Meldingen
from tariefmodel.parameters import ParameterDefinitie, definities, gegevens

BLAD = "Uitgangspunten"
ONZEKERE_STATUSSEN = ("ESTIMATE", "NOT FOUND")
TEKSTPARAMETERS = {"organisatie": "tekst", "rekenjaar": "jaar", "concept": "ja/nee"}
_JA = {"ja", "j", "yes", "true", "waar", "1"}
_NEE = {"nee", "n", "no", "false", "onwaar", "0"}


@dataclass(frozen=True)
class Uitgangspunt:
    naam: str
    waarde: float | str | bool | None
    eenheid: str
    status: str
    bron: str
    herkomst: str  # standaard | werkboek | scenario
    toelichting: str = ""
    geldig_vanaf: dt.date | None = None
    rij: int | None = None
    doorgetrokken: bool = False
    reeksstatus: str = ""  # voorlopig / definitief (reeksen, rekenmethode §1.8 v2)

    @property
    def onzeker(self) -> bool:
        """Een meegeleverde waarde zonder gepubliceerde bron (ESTIMATE, NOT FOUND of doorgetrokken)."""
        return (self.herkomst == "standaard" and self.waarde is not None
                and self.label.startswith(ONZEKERE_STATUSSEN))

    @property
    def label(self) -> str:
        """Status zoals de gebruiker hem ziet (ESTIMATE/NOT FOUND blijven zichtbaar)."""
        if self.herkomst != "standaard":
            return self.herkomst
        if self.doorgetrokken and self.geldig_vanaf is not None:
            # een waarde voorbij het jaar van haar bron is een aanname, geen feit
            return f"ESTIMATE (doorgetrokken: {self.status} van {self.geldig_vanaf.year})"
        return self.status


def peildatum(rekenjaar: int) -> dt.date:
    return dt.date(rekenjaar, 7, 1)


def standaard(definitie: ParameterDefinitie, jaar: int) -> Uitgangspunt:
    """De meegeleverde waarde voor ``jaar``; waarde None als er geen geldt."""
    gevonden = definitie.op(peildatum(jaar))
    if gevonden is None:
        return Uitgangspunt(definitie.naam, None, definitie.eenheid, "NOT FOUND",
                            "geen meegeleverde waarde voor dit jaar", "standaard")
    doorgetrokken = definitie.jaarlijks and gevonden.datum.year < jaar
    return Uitgangspunt(definitie.naam, gevonden.waarde, definitie.eenheid, gevonden.status, gevonden.bron,
                        "standaard", gevonden.toelichting, gevonden.datum, doorgetrokken=doorgetrokken,
                        reeksstatus=gevonden.reeksstatus)


def splits_reeksnaam(naam: str) -> tuple[str, int | None]:
    """'ova_2027' -> ('ova', 2027) als 'ova' een reeks is; anders (naam, None)."""
    gevonden = re.fullmatch(r"(.+)_(\d{4})", naam)
    if gevonden:
        basis = definities().get(gevonden.group(1))
        if basis is not None and basis.reeks:
            return gevonden.group(1), int(gevonden.group(2))
    return naam, None


def lees_waarde(naam: str, ruw: object) -> float | str | bool:
    """Zet een ruwe waarde om naar het type van parameter ``naam``; ValueError met Nederlandse tekst."""
    basis, _ = splits_reeksnaam(naam)
    soort = TEKSTPARAMETERS.get(basis) or definities()[basis].soort
    if is_excel_fout(ruw):
        raise ValueError(f"de cel bevat de Excel-fout {str(ruw).strip().upper()}; herstel de formule of vul "
                         "de waarde zelf in (leeg = meegeleverde standaard)")
    if soort == "tekst":
        return str(ruw).strip()
    if soort == "ja/nee":
        tekst = str(ruw).strip().casefold()
        if isinstance(ruw, bool):
            return ruw
        if tekst in _JA or tekst in _NEE:
            return tekst in _JA
        raise ValueError(f"'{ruw}' is geen ja/nee")
    if soort == "keuze":
        tekst = str(ruw).strip().casefold()
        keuzes = definities()[basis].keuzes
        if tekst not in keuzes:
            raise ValueError(f"'{ruw}' is niet toegestaan; kies uit: {', '.join(keuzes)}")
        return tekst
    try:
        getal = lees_getal(ruw)
    except GeenGetal as fout:
        raise ValueError(str(fout)) from None
    if soort in {"jaar", "geheel"}:
        if not getal.is_integer():
            raise ValueError(f"verwacht een geheel getal, gevonden {ruw}")
        getal = int(getal)
        if soort == "jaar" and not 2000 <= getal <= 2100:
            raise ValueError(f"{getal} is geen geldig rekenjaar (2000-2100)")
    fout = _fractie_fout(basis, ruw, getal) or (
        definities()[basis].buiten_bereik(getal) if basis in definities() else None)
    if fout:
        raise ValueError(fout)
    return getal


def _fractie_fout(basis: str, ruw: object, getal: float) -> str | None:
    """Een kaal getal boven 1 voor een fractie-parameter: 'bedoelt u 65%?' (werkboekformaat.md v2)."""
    definitie = definities().get(basis)
    if definitie is None or not definitie.eenheid.startswith("fractie") or getal <= 1:
        return None
    if definitie.maximum is not None and definitie.maximum > 1:
        return None
    return fractie_fout(ruw, getal, f"bij {basis}")


def bepaal(rijen: Iterable[tuple[int, object, object]], toegestaan: set[str], meldingen: Meldingen,
           verplicht: Iterable[str] = ("organisatie", "rekenjaar")) -> dict[str, Uitgangspunt]:
    """Lees (rij, Parameter, Waarde)-regels en vul aan met standaardwaarden voor het rekenjaar."""
    gezet: dict[str, Uitgangspunt] = {}
    ongeldig: set[str] = set()  # al gemeld: geen tweede melding 'ontbreekt' (gevolgfout)
    lege_rijen: dict[str, int] = {}  # parameters met een lege Waarde: hun rij, voor latere meldingen
    for rij, ruwe_naam, ruw in rijen:
        naam = parameternaam(ruwe_naam) if not is_leeg(ruwe_naam) else ""
        if not naam:
            meldingen.fout("parameternaam ontbreekt", blad=BLAD, rij=rij, kolom="Parameter")
            continue
        basis, _ = splits_reeksnaam(naam)
        if basis not in toegestaan:
            meldingen.fout(f"onbekende parameter '{kort(ruwe_naam)}'{_bedoelt_u(naam, toegestaan)} (bekende namen: "
                           f"{', '.join(sorted(toegestaan))})", blad=BLAD, rij=rij, kolom="Parameter")
            continue
        if naam in gezet:
            meldingen.fout(f"parameter '{naam}' staat twee keer in het blad (ook rij {gezet[naam].rij})",
                           blad=BLAD, rij=rij, kolom="Parameter")
            continue
        if is_leeg(ruw):
            lege_rijen[naam] = rij  # lege Waarde = meegeleverde standaard (werkboekformaat.md)
            continue
        try:
            waarde = lees_waarde(naam, ruw)
        except ValueError as fout:
            meldingen.fout(f"{naam}: {fout}", blad=BLAD, rij=rij, kolom="Waarde")
            ongeldig.add(naam)
            continue
        gezet[naam] = _uit_werkboek(naam, waarde, rij)
    for naam in verplicht:
        if naam not in gezet and naam not in ongeldig:
            meldingen.fout(f"parameter '{naam}' ontbreekt of is leeg; vul deze in", blad=BLAD,
                           rij=lege_rijen.get(naam), kolom="Waarde")
    jaar = gezet.get("rekenjaar")
    if jaar is None:
        return gezet
    uit = vul_standaarden(gezet, toegestaan, int(jaar.waarde))
    return {n: replace(u, rij=lege_rijen[n]) if n in lege_rijen and u.rij is None else u for n, u in uit.items()}


def parameternaam(ruw: object) -> str:
    """'Risico opslag', 'risico-opslag ' -> 'risico_opslag' (zo typen mensen een parameternaam)."""
    return re.sub(r"[\s-]+", "_", str(ruw).strip().casefold())


def _bedoelt_u(naam: str, toegestaan: set[str]) -> str:
    """'; bedoelt u 'risico_opslag'?' met de meest gelijkende bekende naam (rapidfuzz), of ''."""
    from rapidfuzz import fuzz, process

    gevonden = process.extractOne(naam, sorted(toegestaan), scorer=fuzz.WRatio, score_cutoff=75)
    return f"; bedoelt u '{gevonden[0]}'?" if gevonden else ""


def _uit_werkboek(naam: str, waarde, rij: int | None, herkomst: str = "werkboek") -> Uitgangspunt:
    basis, _ = splits_reeksnaam(naam)
    definitie = definities().get(basis)
    eenheid = definitie.eenheid if definitie else TEKSTPARAMETERS.get(basis, "")
    return Uitgangspunt(naam, waarde, eenheid, herkomst.upper(), f"{herkomst} ({BLAD}, rij {rij})" if rij else herkomst,
                        herkomst, rij=rij)


def vul_standaarden(gezet: dict[str, Uitgangspunt], toegestaan: set[str], jaar: int) -> dict[str, Uitgangspunt]:
    uit = dict(gezet)
    for naam in sorted(toegestaan):
        if naam not in uit and naam in definities():
            uit[naam] = afgeleide_standaard(naam, uit, jaar) or standaard(definities()[naam], jaar)
    return uit


def afgeleide_standaard(naam: str, uitgangspunten: Mapping[str, Uitgangspunt], jaar: int) -> Uitgangspunt | None:
    """Standaarden die van andere gegevens afhangen (rekenmethode §1.1-1.2 v2); None = de gewone standaard.

    sociale_premies: de waarde voor werkgever_grootte (sociale_premies_groot / _klein);
    feestdaguren: uit de kalender van het rekenjaar.
    """
    if naam == "sociale_premies":
        grootte = uitgangspunten.get("werkgever_grootte")
        klasse = grootte.waarde if grootte is not None and grootte.waarde else \
            standaard(definities()["werkgever_grootte"], jaar).waarde
        return replace(standaard(definities()[f"sociale_premies_{klasse}"], jaar), naam=naam)
    if naam == "feestdaguren":
        return _feestdaguren_standaard(uitgangspunten, jaar)
    if naam == "cao_stijging":
        return _cao_stijging_uit_tabellen(jaar)
    return None


def _feestdaguren_standaard(uitgangspunten: Mapping[str, Uitgangspunt], jaar: int) -> Uitgangspunt:
    """De standaardwaarde van feestdaguren voor ``jaar`` uit de kalender (rekenmethode §1.2 v2; status DERIVED)."""
    per_dag = uitgangspunten.get("uren_per_feestdag") or standaard(definities()["uren_per_feestdag"], jaar)
    dagen = feestdagen_op_werkdag(jaar)
    uren = len(dagen) * float(per_dag.waarde)
    lijst = ", ".join(f"{n} {d:%d-%m}" for d, n in dagen)
    toelichting = (f"{len(dagen)} CAO-feestdagen op een werkdag in {jaar} ({lijst}) x {per_dag.waarde:g} uur = "
                   f"{uren:g} uur").replace(".", ",")
    bron = f"{gegevens('feestdaguren')['bron_feestdagen']}; kalender {jaar} (Python-pakket holidays)"
    return Uitgangspunt("feestdaguren", uren, definities()["feestdaguren"].eenheid, "DERIVED", bron, "standaard",
                        toelichting, dt.date(jaar, 1, 1))


def met_wijzigingen(uitgangspunten: Mapping[str, Uitgangspunt], wijzigingen: Mapping[str, object],
                    toegestaan: set[str]) -> dict[str, Uitgangspunt]:
    """Scenario: overschrijf parameters (ValueError met Nederlandse tekst bij een fout)."""
    uit = dict(uitgangspunten)
    for naam, ruw in wijzigingen.items():
        basis, _ = splits_reeksnaam(naam)
        if basis not in toegestaan:
            raise ValueError(f"onbekende parameter '{naam}'")
        try:
            waarde = ruw if isinstance(ruw, (int, float)) and not isinstance(ruw, bool) else lees_waarde(naam, ruw)
        except ValueError as fout:
            raise ValueError(f"{naam}: {fout}") from None
        if isinstance(waarde, (int, float)) and basis in definities():
            fout = definities()[basis].buiten_bereik(waarde)
            if fout:
                raise ValueError(f"{naam}: {fout}")
        uit[naam] = replace(_uit_werkboek(naam, waarde, None, "scenario"))
    if set(wijzigingen) & _BEPALEN_STANDAARDEN:
        uit = _ververs_standaarden(uit)
    return uit


_BEPALEN_STANDAARDEN = {"rekenjaar", "werkgever_grootte", "uren_per_feestdag"}


def _ververs_standaarden(uitgangspunten: dict[str, Uitgangspunt]) -> dict[str, Uitgangspunt]:
    """Na een scenario op rekenjaar of werkgever_grootte: de meegeleverde standaarden opnieuw bepalen
    (sociale_premies, feestdaguren, cao_stijging en de gedateerde waarden van het nieuwe rekenjaar)."""
    jaar = int(uitgangspunten["rekenjaar"].waarde)
    uit = {n: u for n, u in uitgangspunten.items() if u.herkomst != "standaard"}
    for naam, u in uitgangspunten.items():
        if u.herkomst == "standaard" and naam in definities():
            uit[naam] = replace(afgeleide_standaard(naam, uit, jaar) or standaard(definities()[naam], jaar), rij=u.rij)
    return uit


def reekswaarde(uitgangspunten: Mapping[str, Uitgangspunt], naam: str, jaar: int) -> Uitgangspunt:
    """Waarde van reeks ``naam`` in ``jaar``: naam_jaar > gezette naam > meegeleverde reeks."""
    specifiek = uitgangspunten.get(f"{naam}_{jaar}")
    if specifiek is not None:
        return specifiek
    algemeen = uitgangspunten.get(naam)
    if algemeen is not None and algemeen.herkomst != "standaard":
        return algemeen
    if naam == "cao_stijging":
        uit_tabellen = _cao_stijging_uit_tabellen(jaar)
        if uit_tabellen is not None:
            return uit_tabellen
    return standaard(definities()[naam], jaar)


def _cao_stijging_uit_tabellen(jaar: int) -> Uitgangspunt | None:
    """§1.8 v2: de CAO-stijging van ``jaar`` uit de gedateerde tabellen, waar die het jaar dekken."""
    gevonden = cao_stijging_tabellen(jaar)
    if gevonden is None:
        return None
    waarde, status, bron, toelichting = gevonden
    return Uitgangspunt("cao_stijging", waarde, definities()["cao_stijging"].eenheid, status, bron, "standaard",
                        toelichting, dt.date(jaar, 1, 1), reeksstatus="definitief" if status == "DERIVED" else "")
