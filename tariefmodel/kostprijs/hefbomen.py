"""Hefbomen per product: benoemde wijzigingen als ``plaatsen[CRISIS]`` op de invoer (werkboekformaat.md v2).

Een scenario is een parameterwijziging op de invoer (architectuur.md), nooit een codetak. Naast de
uitgangspunten (``verzuim``, ``bezettingsnorm`` …, zie ``uitgangspunten.met_wijzigingen``) kent het
scenario wijzigingen per product, met de productcode tussen blokhaken:

- ``bezettingsnorm[CODE]``: de normbezetting b_p van één opvangproduct (rekenmethode v2 §1.6);
- ``plaatsen[CODE]``, ``werkelijke_bezetting[CODE]``, ``trajecten_per_jaar[CODE]``,
  ``gemeentetarief[CODE]``: de kolommen van het blad Producten;
- ``fte_factor[CODE]``: vermenigvuldigt de FTE van elke Personeel-regel van het product (1 = ongewijzigd).

Waarden zijn hier al getallen; tekst ("275,50", "95%") zet de leeslaag om. Fouten: ValueError met
Nederlandse tekst.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Producthefboom:
    naam: str
    label: str
    minimum: float  # inclusief, behalve bij min_exclusief
    maximum: float | None = None
    min_exclusief: bool = False
    alleen: str | None = None  # 'opvang' | 'ambulant' | 'traject': voor welke producten hij betekenis heeft

    def controleer(self, waarde: float) -> str | None:
        if self.min_exclusief and waarde <= self.minimum:
            return f"moet groter zijn dan {_getal(self.minimum)}"
        if not self.min_exclusief and waarde < self.minimum:
            return f"mag niet kleiner zijn dan {_getal(self.minimum)}"
        if self.maximum is not None and waarde > self.maximum:
            return f"mag niet groter zijn dan {_getal(self.maximum)}"
        return None


# Grenzen van de controle (geen rekenparameters): dezelfde als bij het lezen van het blad Producten
# (werkelijke bezetting boven 200% is een tikfout) en van de parameter bezettingsnorm (0 < b ≤ 1).
MAX_BEZETTING = 2.0
MAX_FTE_FACTOR = 10.0  # tien keer de formatie is geen onderhandelingsvoorstel maar een tikfout
PRODUCTHEFBOMEN: dict[str, Producthefboom] = {h.naam: h for h in (
    Producthefboom("bezettingsnorm", "Bezettingsnorm", 0.0, 1.0, min_exclusief=True, alleen="opvang"),
    Producthefboom("plaatsen", "Plaatsen", 0.0, None, min_exclusief=True, alleen="opvang"),
    Producthefboom("werkelijke_bezetting", "Werkelijke bezetting", 0.0, MAX_BEZETTING, alleen="opvang"),
    Producthefboom("trajecten_per_jaar", "Trajecten per jaar", 0.0, None, alleen="traject"),
    Producthefboom("gemeentetarief", "Gemeentetarief", 0.0),
    Producthefboom("fte_factor", "FTE-factor", 0.0, MAX_FTE_FACTOR),
)}
_PRODUCTNAAM = re.compile(r"^\s*([A-Za-z_]+)\s*\[\s*([^\]]+?)\s*\]\s*$")


def splits(naam: str) -> tuple[str, str | None]:
    """'plaatsen[crisis]' -> ('plaatsen', 'CRISIS'); 'verzuim' -> ('verzuim', None)."""
    gevonden = _PRODUCTNAAM.match(str(naam))
    if gevonden:
        return gevonden.group(1).casefold(), gevonden.group(2).upper()
    return str(naam).strip().casefold(), None


def naam(hefboom: str, code: str) -> str:
    return f"{hefboom}[{code}]"


def canoniek(naam_: str) -> str:
    """De vaste schrijfwijze van een wijziging: 'Plaatsen[ crisis ]' -> 'plaatsen[CRISIS]', 'Verzuim' -> 'verzuim'."""
    hefboom, code = splits(naam_)
    return hefboom if code is None else naam(hefboom, code)


def is_producthefboom(naam_: str) -> bool:
    return splits(naam_)[1] is not None


def controleer(naam_: str, waarde: float, producten) -> tuple[str, str, float]:
    """(hefboom, code, waarde) of ValueError met Nederlandse tekst (onbekende naam/code, buiten bereik)."""
    hefboom, code = splits(naam_)
    if hefboom not in PRODUCTHEFBOMEN:
        raise ValueError(f"onbekende wijziging per product '{naam_}' (bekend: "
                         f"{', '.join(f'{h}[CODE]' for h in PRODUCTHEFBOMEN)})")
    per_code = {p.code: p for p in producten}
    if code not in per_code:
        raise ValueError(f"{naam_}: onbekende productcode '{code}' (bekende codes: {', '.join(per_code)})")
    h = PRODUCTHEFBOMEN[hefboom]
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float)):
        raise ValueError(f"{naam_}: verwacht een getal, gevonden '{waarde}'")  # noqa: TRY004
    fout = h.controleer(float(waarde))
    if fout:
        raise ValueError(f"{naam_}: {fout}")
    product = per_code[code]
    if h.alleen == "opvang" and product.soort != "opvang":
        raise ValueError(f"{naam_}: {h.label.lower()} geldt alleen voor opvangproducten; {code} is ambulant")
    if h.alleen == "traject" and product.eenheid != "traject":
        raise ValueError(f"{naam_}: trajecten per jaar geldt alleen voor producten met eenheid 'traject'")
    return hefboom, code, float(waarde)


def pas_toe(invoer, wijzigingen: Mapping[str, float]):
    """De invoer met de productwijzigingen; alle namen moeten ``naam[CODE]`` zijn."""
    producten = {p.code: p for p in invoer.producten}
    factoren: dict[str, float] = {}
    for naam_, waarde in wijzigingen.items():
        hefboom, code, getal = controleer(naam_, waarde, invoer.producten)
        if hefboom == "fte_factor":
            factoren[code] = getal
        else:
            producten[code] = replace(producten[code], **{hefboom: getal})
    personeel = tuple(replace(r, fte=r.fte * factoren[r.product]) if r.product in factoren else r
                      for r in invoer.personeel)
    return replace(invoer, producten=tuple(producten.values()), personeel=personeel)


def _getal(x: float) -> str:
    return f"{x:g}".replace(".", ",")
