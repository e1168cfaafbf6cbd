"""Meldingen over een werkboek: fouten blokkeren, waarschuwingen niet.

Vorm per werkboekformaat.md: ``Blad '<blad>', rij <n>, kolom '<kolom>': <bericht>``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Ernst = Literal["fout", "waarschuwing"]


@dataclass(frozen=True)
class Melding:
    """Eén bevinding, met de plek in het werkboek waar de gebruiker moet kijken."""

    bericht: str
    blad: str | None = None
    rij: int | None = None
    kolom: str | None = None
    ernst: Ernst = "fout"
    bestand: str | None = None

    def plek(self) -> str:
        delen = []
        if self.blad is not None:
            delen.append(f"Blad '{self.blad}'")
        if self.rij is not None:
            delen.append(f"rij {self.rij}")
        if self.kolom is not None:
            delen.append(f"kolom '{self.kolom}'")
        return ", ".join(delen)

    def tekst(self) -> str:
        plek = self.plek()
        voor = f"{self.bestand}: " if self.bestand else ""
        return f"{voor}{plek}: {self.bericht}" if plek else f"{voor}{self.bericht}"

    def __str__(self) -> str:
        return self.tekst()


_DUBBEL_WOORD = re.compile(r"\b([^\W\d_]+)(\s+\1\b)+", re.IGNORECASE)  # alleen woorden, geen getallen


def schoon_bericht(bericht: str) -> str:
    """Eén regel, geen dubbel woord ('schaal schaal 9' -> 'schaal 9'): een herhaalde celwaarde leest goed."""
    return _DUBBEL_WOORD.sub(r"\1", " ".join(str(bericht).split()))


def sorteer(meldingen: Sequence[Melding], bladvolgorde: Sequence[str] = ()) -> list[Melding]:
    """Op blad (in ``bladvolgorde``, daarna op naam) en rij; meldingen zonder blad of rij eerst."""
    volgorde = {b: i for i, b in enumerate(bladvolgorde)}

    def sleutel(m: Melding):
        blad = (-1, "") if m.blad is None else (volgorde.get(m.blad, len(volgorde)), m.blad)
        return (m.bestand or "", blad, m.rij or 0)

    return sorted(meldingen, key=sleutel)


@dataclass
class Meldingen:
    """Verzamelt alle meldingen van één controle, zodat de gebruiker alles in één keer ziet."""

    lijst: list[Melding] = field(default_factory=list)

    def fout(self, bericht: str, blad=None, rij=None, kolom=None) -> None:
        self.lijst.append(Melding(schoon_bericht(bericht), blad, rij, kolom, "fout"))

    def waarschuwing(self, bericht: str, blad=None, rij=None, kolom=None) -> None:
        self.lijst.append(Melding(schoon_bericht(bericht), blad, rij, kolom, "waarschuwing"))

    def sorteer(self, bladvolgorde: Sequence[str] = ()) -> None:
        """Sorteer op blad en rij (werkboekformaat.md v2), stabiel binnen een rij."""
        self.lijst = sorteer(self.lijst, bladvolgorde)

    @property
    def fouten(self) -> list[Melding]:
        return [m for m in self.lijst if m.ernst == "fout"]

    @property
    def waarschuwingen(self) -> list[Melding]:
        return [m for m in self.lijst if m.ernst == "waarschuwing"]

    @property
    def heeft_fouten(self) -> bool:
        return any(m.ernst == "fout" for m in self.lijst)

    def stop_bij_fouten(self) -> None:
        if self.heeft_fouten:
            raise WerkboekFout(self.lijst)


class WerkboekFout(Exception):
    """Het werkboek is ongeldig; ``meldingen`` zegt waar en waarom."""

    def __init__(self, meldingen: list[Melding]):
        self.meldingen = list(meldingen)
        super().__init__("\n".join(m.tekst() for m in self.fouten))

    @property
    def fouten(self) -> list[Melding]:
        return [m for m in self.meldingen if m.ernst == "fout"]

    @classmethod
    def enkel(cls, bericht: str, blad=None, rij=None, kolom=None) -> WerkboekFout:
        return cls([Melding(bericht, blad, rij, kolom)])
