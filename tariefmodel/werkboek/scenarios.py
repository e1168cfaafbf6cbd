"""Het blad `Scenario's` lezen (werkboekformaat.md v2): benoemde scenario's in het eigen werkboek.

Eén rij per wijziging: Scenario (naam), Parameter (elke naam die ``--zet`` kent: een uitgangspunt als
``verzuim`` of een wijziging per product als ``plaatsen[CRISIS]``), Waarde, Toelichting. Een scenario is
alle rijen met zijn naam. Een foute rij maakt alleen dát scenario ongeldig: de rest van het werkboek
(en de andere scenario's) blijven bruikbaar; de meldingen noemen blad, rij en kolom.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tariefmodel import uitgangspunten as up
from tariefmodel.getallen import GeenGetal, is_leeg, lees_getal
from tariefmodel.kostprijs import hefbomen
from tariefmodel.kostprijs.gevoeligheid import Scenario
from tariefmodel.kostprijs.invoer import PARAMETERS_KOSTPRIJS, KostprijsInvoer
from tariefmodel.meldingen import Melding, Meldingen
from tariefmodel.werkboek.lezen import lees_blad, normaliseer, open_werkboek

BLAD = "Scenario's"
KOLOMMEN = ["Scenario", "Parameter", "Waarde", "Toelichting"]
VERPLICHT = ["Scenario", "Parameter", "Waarde"]
NIET_IN_SCENARIO = {"organisatie", "rekenjaar"}  # wie dit wil veranderen, rekent een ander werkboek door
GERESERVEERD = {"werkboek", "basis"}  # de naam van de berekening zonder wijzigingen


@dataclass(frozen=True)
class Scenarioblad:
    """De scenario's uit het werkboek: de geldige en, per ongeldig scenario, waarom het ongeldig is."""

    scenarios: dict[str, Scenario] = field(default_factory=dict)
    ongeldig: dict[str, tuple[Melding, ...]] = field(default_factory=dict)
    toelichtingen: dict[str, dict[str, str]] = field(default_factory=dict)
    overig: tuple[Melding, ...] = ()  # meldingen die bij geen scenario horen (kopregel, lege naam)

    @property
    def meldingen(self) -> list[Melding]:
        return [*self.overig, *(m for ms in self.ongeldig.values() for m in ms)]

    def waarschuwingen(self) -> list[Melding]:
        """Alle meldingen als waarschuwing: het werkboek blijft bruikbaar, alleen die scenario's niet."""
        uit = [Melding(m.bericht, m.blad, m.rij, m.kolom, "waarschuwing") for m in self.overig]
        for naam, ms in self.ongeldig.items():
            uit += [Melding(f"scenario '{naam}' is ongeldig en wordt niet gebruikt: {m.bericht}", m.blad, m.rij,
                            m.kolom, "waarschuwing") for m in ms]
        return uit


def lees_scenarios(data: bytes, invoer: KostprijsInvoer) -> Scenarioblad:
    """Lees het blad Scenario's van een (al gelezen, geldig) kostprijswerkboek; geen blad = geen scenario's."""
    meldingen = Meldingen()
    rijen = lees_blad(open_werkboek(data), BLAD, KOLOMMEN, VERPLICHT, meldingen, verplicht=False)
    if rijen is None:
        return Scenarioblad(overig=tuple(meldingen.lijst))
    overig = list(meldingen.lijst)
    per_naam: dict[str, list] = {}
    for rij in rijen:
        naam = rij.waarden.get("Scenario")
        if is_leeg(naam):
            overig.append(Melding("de naam van het scenario ontbreekt", BLAD, rij.nummer, "Scenario"))
            continue
        per_naam.setdefault(str(naam).strip(), []).append(rij)
    scenarios, ongeldig, toelichtingen = {}, {}, {}
    for naam, regels in per_naam.items():
        scenario, fouten, toelichting = _scenario(naam, regels, invoer)
        toelichtingen[naam] = toelichting
        if fouten:
            ongeldig[naam] = tuple(fouten)
        else:
            scenarios[naam] = scenario
    return Scenarioblad(scenarios, ongeldig, toelichtingen, tuple(overig))


def _scenario(naam: str, regels, invoer: KostprijsInvoer) -> tuple[Scenario, list[Melding], dict[str, str]]:
    fouten: list[Melding] = []
    wijzigingen: dict[str, object] = {}
    rijen: dict[str, int] = {}
    toelichting: dict[str, str] = {}
    if normaliseer(naam) in GERESERVEERD:
        fouten.append(Melding(f"'{naam}' is de naam van de berekening zonder wijzigingen; kies een andere naam",
                              BLAD, regels[0].nummer, "Scenario"))
    for rij in regels:
        ruwe_naam, ruw = rij.waarden.get("Parameter"), rij.waarden.get("Waarde")
        if is_leeg(ruwe_naam):
            fouten.append(Melding("de parameter ontbreekt", BLAD, rij.nummer, "Parameter"))
            continue
        parameter = hefbomen.canoniek(str(ruwe_naam))
        if parameter in rijen:
            fouten.append(Melding(f"{parameter} staat twee keer in scenario '{naam}' (ook rij {rijen[parameter]})",
                                  BLAD, rij.nummer, "Parameter"))
            continue
        try:
            wijzigingen[parameter] = lees_wijziging(parameter, ruw, invoer)
        except _Fout as fout:
            fouten.append(Melding(str(fout), BLAD, rij.nummer, fout.kolom))
            continue
        rijen[parameter] = rij.nummer
        if not is_leeg(rij.waarden.get("Toelichting")):
            toelichting[parameter] = str(rij.waarden["Toelichting"]).strip()
    scenario = Scenario(naam, wijzigingen)
    if not fouten:
        try:  # samenhang (bijv. inzetbare uren > 0) kan pas met alle wijzigingen samen
            scenario.toepassen(invoer)
        except ValueError as fout:
            fouten.append(Melding(f"het scenario kan niet worden berekend: {fout}", BLAD, regels[0].nummer, "Waarde"))
    return scenario, fouten, toelichting


class _Fout(ValueError):
    def __init__(self, tekst: str, kolom: str):
        super().__init__(tekst)
        self.kolom = kolom


def lees_wijziging(parameter: str, ruw: object, invoer: KostprijsInvoer):
    """De waarde van één wijziging (getal of keuze), gecontroleerd op naam en bereik; _Fout met de kolom."""
    if is_leeg(ruw):
        raise _Fout(f"{parameter}: de waarde ontbreekt", "Waarde")
    hefboom, code = hefbomen.splits(parameter)
    if code is not None:
        if hefboom not in hefbomen.PRODUCTHEFBOMEN or code not in {p.code for p in invoer.producten}:
            try:
                hefbomen.controleer(parameter, 0.0, invoer.producten)
            except ValueError as fout:
                raise _Fout(str(fout), "Parameter") from None
        try:
            getal = lees_getal(ruw)
        except GeenGetal as fout:
            raise _Fout(f"{parameter}: {fout}", "Waarde") from None
        try:
            return hefbomen.controleer(parameter, getal, invoer.producten)[2]
        except ValueError as fout:
            raise _Fout(str(fout), "Waarde") from None
    basis, _ = up.splits_reeksnaam(parameter)
    toegestaan = PARAMETERS_KOSTPRIJS - NIET_IN_SCENARIO
    if basis not in toegestaan:
        raise _Fout(f"onbekende parameter '{parameter}' (bekend: {', '.join(sorted(toegestaan))}, of per product "
                    f"{', '.join(f'{h}[CODE]' for h in hefbomen.PRODUCTHEFBOMEN)})", "Parameter")
    try:
        return up.lees_waarde(parameter, ruw)
    except ValueError as fout:
        raise _Fout(f"{parameter}: {fout}", "Waarde") from None
