"""De basis en elk scenario naast elkaar: wat CLI `vergelijk`, de app en de exports tonen (werkboekformaat.md v2).

Per kolom (basis, scenario …): per product de kostprijs, het gemeentetarief, het tekort per jaar en de
dekkingsgraad; voor de organisatie het tekort per jaar, het meerjarig (cumulatief) tekort, wat de
gemeente in totaal betaalt bij de tarieven en volumes van het scenario, en wat zij zou betalen bij de
kostendekkende prijs voor hetzelfde volume. Eén definitie van dekking overal: opbrengst / integrale
kosten (rekenmethode §1.6), alleen over producten met een gemeentetarief.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tariefmodel.afronding import rond_euro
from tariefmodel.kostprijs.berekening import KostprijsResultaat, ProductResultaat, bereken
from tariefmodel.kostprijs.gevoeligheid import Scenario, cumulatief_tekort
from tariefmodel.kostprijs.invoer import KostprijsInvoer

BASIS = "Werkboek"


@dataclass(frozen=True)
class Kolom:
    naam: str
    wijzigingen: Mapping[str, object]
    resultaat: KostprijsResultaat

    @property
    def met_tarief(self) -> tuple[ProductResultaat, ...]:
        return self.resultaat.met_tarief

    @property
    def gemeente_betaalt(self) -> float:
        """Σ gemeentetarief × gerealiseerd volume (= opbrengst) over producten met een tarief."""
        return float(sum(p.opbrengst for p in self.met_tarief))

    @property
    def kostendekkend(self) -> float:
        """Σ kostprijs × gerealiseerd volume: wat de gemeente betaalt als het tarief de kostprijs is.

        De kostprijs als tarief is een bedrag in centen (§1.7): afgerond, zoals in tabel en export."""
        return float(sum(rond_euro(p.kostprijs) * p.gerealiseerd_volume for p in self.met_tarief))

    @property
    def kosten_met_tarief(self) -> float:
        return float(sum(p.integrale_kosten for p in self.met_tarief))

    @property
    def dekkingsgraad(self) -> float | None:
        """Opbrengst / integrale kosten van de producten met een tarief (zelfde definitie als per product)."""
        kosten = self.kosten_met_tarief
        return self.gemeente_betaalt / kosten if kosten else None

    @property
    def cumulatief_tekort(self) -> float | None:
        return cumulatief_tekort(self.resultaat)

    @property
    def jaren(self) -> int:
        return int(self.resultaat.parameters["meerjaren_jaren"])


def vergelijk(invoer: KostprijsInvoer, scenarios: Mapping[str, Scenario]) -> list[Kolom]:
    """De basis (het werkboek zonder wijzigingen) en daarna elk scenario; ValueError als er één niet kan."""
    kolommen = [Kolom(BASIS, {}, bereken(invoer))]
    for naam, s in scenarios.items():
        try:
            kolommen.append(Kolom(naam, s.wijzigingen, bereken(s.toepassen(invoer))))
        except ValueError as fout:
            raise ValueError(f"scenario '{naam}': {fout}") from None
    return kolommen


def wijziging_tekst(naam: str, waarde) -> str:
    """Eén wijziging zoals een mens hem leest: 'bezettingsnorm 80%', 'gemeentetarief[CRISIS] € 310,00'."""
    from tariefmodel import formaat
    from tariefmodel.kostprijs.hefbomen import splits
    from tariefmodel.parameters import definities
    from tariefmodel.uitgangspunten import splits_reeksnaam

    hefboom, code = splits(naam)
    if isinstance(waarde, (str, bool)):
        return f"{naam} {waarde}"
    if code is not None:
        soort = {"bezettingsnorm": "procent", "werkelijke_bezetting": "procent", "gemeentetarief": "euro",
                 "fte_factor": "factor"}.get(hefboom, "getal")
    else:
        d = definities().get(splits_reeksnaam(naam)[0])
        eenheid = d.eenheid if d else ""
        soort = "procent" if eenheid.startswith("fractie") else "euro" if eenheid.startswith("euro") else "getal"
    if soort == "procent":
        tekst = formaat.procent(waarde, 0 if abs(waarde * 100 - round(waarde * 100)) < 1e-9 else 1)
    elif soort == "euro":
        tekst = formaat.euro(waarde)
    elif soort == "factor":
        tekst = f"× {formaat.getal(waarde, 2).rstrip('0').rstrip(',')}"
    else:
        tekst = formaat.getal(waarde, 2).removesuffix(",00")
    return f"{naam} {tekst}"


def beschrijving(wijzigingen: Mapping[str, object]) -> str:
    return "; ".join(wijziging_tekst(n, w) for n, w in wijzigingen.items()) or "geen (het werkboek zelf)"


def _getal(x) -> float | None:
    return None if x is None else float(x)


def naar_json(kolommen: list[Kolom]) -> dict:
    """`vergelijk --json`: per kolom de kerncijfers (euro's op centen, §1.7) en per product de prijzen."""
    eerste = kolommen[0].resultaat.invoer
    return {
        "organisatie": eerste.organisatie, "rekenjaar": eerste.rekenjaar,
        "werkboek": {"naam": eerste.bestandsnaam, "sha256": eerste.sha256},
        "kolommen": [_kolom_json(k) for k in kolommen],
    }


def _kolom_json(k: Kolom) -> dict:
    r = k.resultaat
    return {
        "naam": k.naam, "wijzigingen": {n: _json_waarde(w) for n, w in k.wijzigingen.items()},
        "producten": [{
            "code": p.code, "naam": p.product.naam, "eenheid": p.product.eenheid,
            "kostprijs": rond_euro(p.kostprijs), "gemeentetarief": rond_euro(p.gemeentetarief),
            "verschil_per_eenheid": rond_euro(p.verschil_per_eenheid),
            "gerealiseerd_volume": float(p.gerealiseerd_volume),
            "integrale_kosten": rond_euro(p.integrale_kosten), "opbrengst": rond_euro(p.opbrengst),
            "tekort": rond_euro(p.tekort), "dekkingsgraad": _getal(p.dekkingsgraad),
        } for p in r.producten],
        "totaal": {
            "integrale_kosten": rond_euro(r.integrale_kosten), "tekort": rond_euro(r.tekort),
            "gemeente_betaalt": rond_euro(k.gemeente_betaalt), "kostendekkend": rond_euro(k.kostendekkend),
            "verschil_met_kostendekkend": rond_euro(k.kostendekkend - k.gemeente_betaalt),
            "dekkingsgraad": k.dekkingsgraad, "jaren": k.jaren,
            "cumulatief_tekort": rond_euro(k.cumulatief_tekort),
        },
    }


def _json_waarde(w):
    return w.item() if hasattr(w, "item") else w


# --- VO tegen gemeente ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Geschilpunt:
    """Eén aanname die de twee kanten verschillend zetten, met wat dat alleen al kost."""

    naam: str
    waarde_a: object
    waarde_b: object
    tekort_a: float  # tekort per jaar: het werkboek met alleen deze aanname van kant a
    tekort_b: float
    kostendekkend_a: float = 0.0  # Σ kostprijs × volume (zie Kolom.kostendekkend), idem
    kostendekkend_b: float = 0.0

    @property
    def effect_kostendekkend(self) -> float:
        """Euro per jaar: verschil in wat kostendekkend is (daarin werkt ook de bezettingsnorm door)."""
        return self.kostendekkend_b - self.kostendekkend_a

    @property
    def effect(self) -> float:
        """Euro per jaar: tekort met de waarde van b min tekort met de waarde van a (elk alleen op de basis)."""
        return self.tekort_b - self.tekort_a


def geschilpunten(invoer: KostprijsInvoer, a: Scenario, b: Scenario) -> list[Geschilpunt]:
    """De aannames waarin scenario's a en b verschillen; elk apart op de basis gezet (grootste effect eerst).

    Een aanname die één kant niet zet, heeft aan die kant de waarde van het werkboek. De effecten tellen
    niet precies op tot het verschil tussen a en b: aannames versterken elkaar (bijv. tarief en volume).
    """
    wa, wb = a.wijzigingen, b.wijzigingen
    uit = []
    for naam in dict.fromkeys([*wa, *wb]):
        va, vb = wa.get(naam, _basiswaarde(invoer, naam)), wb.get(naam, _basiswaarde(invoer, naam))
        if va == vb:
            continue
        ka, kb = (Kolom(naam, {}, bereken(invoer.met_scenario({naam: v} if v is not None else {}))) for v in (va, vb))
        uit.append(Geschilpunt(naam, va, vb, float(ka.resultaat.tekort), float(kb.resultaat.tekort),
                               ka.kostendekkend, kb.kostendekkend))
    return sorted(uit, key=lambda g: (-abs(g.effect), -abs(g.effect_kostendekkend)))


def _basiswaarde(invoer: KostprijsInvoer, naam: str):
    """De waarde in het werkboek van een uitgangspunt of van een productkolom (None als die leeg is)."""
    from tariefmodel.kostprijs.hefbomen import splits

    hefboom, code = splits(naam)
    if code is None:
        u = invoer.uitgangspunten.get(naam)
        return None if u is None else u.waarde
    if hefboom == "fte_factor":
        return 1.0
    product = next(p for p in invoer.producten if p.code == code)
    return getattr(product, hefboom, None)
