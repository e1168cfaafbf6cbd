"""Bouwstenen voor een auditeerbare Excel-export in FAST-opzet (architectuur.md, 'Library notes').

XlsxWriter schrijft naast elke formule de in Python berekende waarde, zodat een voorbeeldweergave
getallen toont. Tekst van de gebruiker gaat altijd via ``write_string``: '=…', '+…', '-…' en '@…'
worden nooit een formule.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import xlsxwriter
import xlsxwriter.worksheet
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from tariefmodel import __version__
from tariefmodel.bestanden import UitvoerFout

# Getalnotaties: Excel zet ',' en '.' om naar de landinstelling van de lezer (nl: € 1.234,56).
NOTATIES = {
    "euro": '"€" #,##0.00;"€" -#,##0.00',  # geen rood: het teken draagt de betekenis (zwart-wit-veilig)
    "euro_heel": '"€" #,##0;"€" -#,##0',
    # tekort: positief = verlies, negatief = overschot; als woord, niet alleen als kleur of minteken
    "tekort": '"€" #,##0.00" tekort";"€" #,##0.00" overschot";"€" 0.00',
    "procent": "0.00%",
    "procent1": "0.0%",
    "uren": "#,##0.0",
    "getal": "#,##0.00",
    "geheel": "0",
    "aantal": "#,##0",
    "tekst": "@",
    "vlag": "General",
    "datum": "dd-mm-yyyy",
}
INVOERKLEUR = "#FFF2CC"  # FAST: invoer herkenbaar aan een gele achtergrond
KOPKLEUR = "#DCE6F0"
EERSTE_RIJ = 4  # rijen 0-2: kop van het blad, rij 3 leeg


MAX_RIJEN = 1_048_576  # Excel: rijen per blad
MAX_KOLOMMEN = 16_384


class NietTeExporteren(UitvoerFout):
    """Het werkboek past niet in Excel (te veel rijen of kolommen); nooit stilzwijgend afkappen."""


def is_leeg(waarde) -> bool:
    return waarde is None or (isinstance(waarde, float) and math.isnan(waarde))


def schoon(waarde):
    """Maak een waarde geschikt als opgeslagen formulewaarde (numpy -> float, None -> '')."""
    if hasattr(waarde, "item"):
        waarde = waarde.item()
    if is_leeg(waarde):
        return ""
    if isinstance(waarde, (bool, str)):
        return waarde
    return float(waarde)


@dataclass
class Kop:
    """De kop die op elk blad staat: organisatie, rekenjaar, versie, invoerhash en CONCEPT."""

    titel: str
    werkboek: str = ""
    sha256: str = ""
    concept: bool = False
    extra: str = ""
    gemaakt_door: str = ""  # wie ingelogd was in de app (README, 'Installeren bij uw organisatie')

    def regel(self) -> str:
        door = f" door {self.gemaakt_door}" if self.gemaakt_door else ""
        delen = [f"tariefmodel {__version__}", f"gemaakt {dt.date.today():%d-%m-%Y}{door}"]
        if self.werkboek:
            delen.append(f"invoer: {self.werkboek}")
        if self.sha256:
            delen.append(f"sha256 {self.sha256[:16]}…")
        if self.extra:
            delen.append(self.extra)
        return " · ".join(delen)


_DYNAMISCHE_FUNCTIES = re.compile(
    r"\b(?:ANCHORARRAY|BYCOL|BYROW|CHOOSECOLS|CHOOSEROWS|DROP|EXPAND|FILTER|HSTACK|LAMBDA|MAKEARRAY|MAP|RANDARRAY"
    r"|REDUCE|SCAN|SEQUENCE|SORT|SORTBY|SWITCH|TAKE|TEXTSPLIT|TOCOL|TOROW|UNIQUE|VSTACK|WRAPCOLS|WRAPROWS|XLOOKUP)\("
    r"|\SINGLE\(")  # dezelfde patronen als xlsxwriter (ook zijn '\SINGLE')


class SnelBlad(xlsxwriter.worksheet.Worksheet):
    """Een werkblad dat een formule zonder dynamische-matrixfunctie niet door ~30 losse re.sub's haalt.

    xlsxwriter's ``_prepare_formula`` doet voor elke formule 29 vervangingen (``_xlfn.``-voorvoegsels); bij
    17.000 personeelsregels × 20 formules was dat 80% van de exporttijd (issue 17). Hier eerst één gecombineerde
    zoekactie; alleen bij een treffer (of met future functions) de gewone weg. Zelfde uitkomst.
    """

    def _prepare_formula(self, formula, expand_future_functions=False):
        if self.use_future_functions or expand_future_functions or "_xlfn." in formula or \
                _DYNAMISCHE_FUNCTIES.search(formula):
            return super()._prepare_formula(formula, expand_future_functions)
        formula = formula.removeprefix("{")
        formula = formula.removeprefix("=")
        formula = formula.removesuffix("}")
        return formula


@dataclass
class Boek:
    """Een XlsxWriter-werkboek in het geheugen met vaste opmaak en een register van namen."""

    kop: Kop
    _buffer: io.BytesIO = field(default_factory=io.BytesIO)
    namen: dict[str, str] = field(default_factory=dict)
    grenzen: list = field(default_factory=list)  # parameters.Grens: bereik per parameter (blad Controle)

    def __post_init__(self):
        self.wb = xlsxwriter.Workbook(self._buffer, {
            "in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
            "strings_to_urls": False,
        })
        self.wb.worksheet_class = SnelBlad
        self.wb.set_properties({"title": self.kop.titel, "comments": self.kop.regel()})
        self._opmaak: dict[tuple, object] = {}

    def opmaak(self, soort: str = "tekst", invoer: bool = False, vet: bool = False, **extra):
        """Een (gecachte) opmaak: getalnotatie ``soort``, gele invoercel, vet."""
        sleutel = (soort, invoer, vet, tuple(sorted(extra.items())))
        if sleutel not in self._opmaak:
            eigenschappen = {"num_format": NOTATIES.get(soort, "General"), "valign": "top", **extra}
            if invoer:
                eigenschappen["bg_color"] = INVOERKLEUR
                eigenschappen["locked"] = False  # bladbeveiliging (zonder wachtwoord) laat invoer vrij
            if vet:
                eigenschappen["bold"] = True
            self._opmaak[sleutel] = self.wb.add_format(eigenschappen)
        return self._opmaak[sleutel]

    def blad(self, naam: str, omschrijving: str, breedtes: Sequence[int] = ()):
        """Nieuw blad met de kop (rij 1-3) en vastgezette kop."""
        ws = self.wb.add_worksheet(naam)
        ws.write_string(0, 0, self.kop.titel, self.opmaak(vet=True, font_size=14))
        if self.kop.concept:
            ws.write_string(0, 3, "CONCEPT", self.opmaak(vet=True, font_size=14, font_color="#C00000"))
        ws.write_string(1, 0, self.kop.regel(), self.opmaak(font_color="#595959"))
        ws.write_string(2, 0, omschrijving, self.opmaak(italic=True))
        for kolom, breedte in enumerate(breedtes):
            ws.set_column(kolom, kolom, breedte)
        ws.freeze_panes(EERSTE_RIJ - 1, 0)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.set_footer(f"&L{self.kop.titel[:120].replace('&', '&&')}&R&P / &N")  # '&' is een stuurcode
        return ws

    def tekst(self, ws, rij: int, kolom: int, waarde, opmaak=None) -> None:
        """Tekst altijd als tekst (nooit een formule, ook niet als hij met '=' begint)."""
        if not is_leeg(waarde):
            ws.write_string(rij, kolom, str(waarde), opmaak)

    def waarde(self, ws, rij: int, kolom: int, waarde, opmaak=None) -> None:
        """Een ingelezen waarde met het juiste celtype; leeg blijft leeg."""
        waarde = schoon(waarde)
        if waarde == "":
            ws.write_blank(rij, kolom, None, opmaak)
        elif isinstance(waarde, bool):
            ws.write_boolean(rij, kolom, waarde, opmaak)
        elif isinstance(waarde, float):
            ws.write_number(rij, kolom, waarde, opmaak)
        else:
            self.tekst(ws, rij, kolom, waarde, opmaak)

    def formule(self, ws, rij: int, kolom: int, formule: str, waarde, opmaak=None) -> None:
        """Een live formule met de door Python berekende waarde ernaast (voor voorbeeldweergaven)."""
        ws.write_formula(rij, kolom, "=" + formule, opmaak, schoon(waarde))

    def kopregel(self, ws, rij: int, kopjes: Sequence[str], kolom: int = 0) -> None:
        opmaak = self.opmaak(vet=True, bg_color=KOPKLEUR, border=1, text_wrap=True)
        for k, kopje in enumerate(kopjes):
            ws.write_string(rij, kolom + k, kopje, opmaak)
        ws.set_row(rij, 30)  # ruimte voor kopjes over twee regels (LibreOffice past de hoogte niet zelf aan)

    def sectie(self, ws, rij: int, titel: str) -> None:
        ws.write_string(rij, 0, titel, self.opmaak(vet=True, font_size=12, font_color="#1F4E79"))

    def noem(self, naam: str, blad: str, rij: int, kolom: int) -> None:
        """Definieer een werkboeknaam voor één cel (benoemde scalaire parameter)."""
        if naam in self.namen:
            raise ValueError(f"naam {naam!r} is al gedefinieerd")
        cel = xl_rowcol_to_cell(rij, kolom, row_abs=True, col_abs=True)
        self.namen[naam] = f"{blad}!{cel}"
        self.wb.define_name(naam, f"={blad}!{cel}")

    def alinea(self, ws, rij: int, kolom: int, tekst: str, tekens_per_regel: int = 110) -> None:
        """Tekst met terugloop; de rijhoogte groeit mee met het aantal regels."""
        self.tekst(ws, rij, kolom, tekst, self.opmaak(text_wrap=True))
        ws.set_row(rij, 15 * max(1, math.ceil(len(tekst) / tekens_per_regel)))

    def bytes(self) -> bytes:
        for ws in self.wb.worksheets():
            afdrukschaal(ws)
        self.wb.close()
        return self._buffer.getvalue()


def schrijf_voorblad(boek: Boek, soort: str, organisatie: str, rekenjaar, peildatum: str) -> None:
    """Blad Voorblad: wat dit is, versie, peildatum parameters, invoerhash, aanmaakdatum en status."""
    ws = boek.blad("Voorblad", "Voorblad van de auditeerbare export", [30, 90])
    ws.hide_gridlines(2)
    kop = boek.kop
    regels = [
        ("Model", soort), ("Organisatie", organisatie), ("Rekenjaar", str(rekenjaar)),
        ("Status", "CONCEPT" if kop.concept else "definitief"),
        ("tariefmodel-versie", __version__), ("Peildatum parameters", peildatum),
        ("Invoerwerkboek", kop.werkboek or "–"), ("sha256 van de invoer", kop.sha256 or "–"),
        ("Gemaakt op", f"{dt.date.today():%d-%m-%Y}"),
        ("Controle", "aantal afwijkingen in blad Controle (moet 0 zijn):"),
    ]
    for k, (label, waarde) in enumerate(regels):
        rij = EERSTE_RIJ + k
        boek.tekst(ws, rij, 0, label, boek.opmaak(vet=True))
        rood = label == "Status" and kop.concept
        boek.tekst(ws, rij, 1, waarde, boek.opmaak(vet=rood, font_color="#C00000") if rood else None)
    rij = EERSTE_RIJ + len(regels)
    boek.formule(ws, rij, 1, "controle_afwijkingen", 0, boek.opmaak("geheel", vet=True, align="left"))
    boek.tekst(ws, rij + 2, 0, "Bronnen", boek.opmaak(vet=True))
    boek.tekst(ws, rij + 2, 1, "De bron van elke parameter staat in blad Parameters (openbare adressen als link).")
    ws.protect("", {"format_cells": True, "format_columns": True})
    ws.print_area(0, 0, rij + 2, 1)


A4_LIGGEND_TEKENS = 150  # bedrukbare breedte van A4 liggend in standaardtekens bij 100 %
MIN_SCHAAL = 70  # procent: kleiner wordt onleesbaar (issue 13: bladen werden op 3,5 pt gedrukt)


def afdrukschaal(ws) -> None:
    """Passend op de breedte als dat met minstens MIN_SCHAAL % kan; anders MIN_SCHAAL % over meer pagina's
    (met herhaalde kop en eerste kolom)."""
    info = getattr(ws, "col_info", {})
    breedte = sum((getattr(c, "width", None) or (c[0] if isinstance(c, list) else 8.43)) for c in info.values())
    if breedte and breedte * MIN_SCHAAL / 100 > A4_LIGGEND_TEKENS:
        ws.fit_page = False
        ws.set_print_scale(MIN_SCHAAL)
        ws.repeat_columns(0, 0)


def aandachtspunten(uitgangspunten, waarschuwingen, eerst: Sequence[str] = ()) -> list[str]:
    """Wat de lezer moet nakijken: ``eerst``, standaardwaarden met status ESTIMATE / NOT FOUND, waarschuwingen."""
    schattingen = sorted(n for n, u in uitgangspunten.items() if u.onzeker)
    punten = list(eerst)
    if schattingen:
        punten.append(f"Standaardwaarden met status ESTIMATE of NOT FOUND: {', '.join(schattingen)}.")
    return punten + [m.tekst() for m in waarschuwingen]


def schrijf_toelichting(boek: Boek, omschrijving: str, bladen: Sequence[tuple[str, str]], stappen: Sequence[str],
                        punten: Sequence[str], terugloop: bool = True) -> None:
    """Blad Toelichting: de bladen, hoe u de berekening controleert, het aantal afwijkingen en de aandachtspunten.

    ``terugloop``: de stappen als alinea (lange tekst loopt terug); anders elk op één regel.
    """
    ws = boek.blad("Toelichting", omschrijving, [4, 30, 110])
    rij = EERSTE_RIJ
    boek.sectie(ws, rij, "Bladen")
    for k, (naam, uitleg) in enumerate(bladen, start=1):
        boek.tekst(ws, rij + k, 1, naam, boek.opmaak(vet=True))
        boek.tekst(ws, rij + k, 2, uitleg)
    rij += len(bladen) + 2
    boek.sectie(ws, rij, "Zo controleert u de berekening")
    for k, tekst in enumerate(stappen, start=1):
        boek.tekst(ws, rij + k, 1, f"{k}.")
        if terugloop:
            boek.alinea(ws, rij + k, 2, tekst)
        else:
            boek.tekst(ws, rij + k, 2, tekst)
    rij += len(stappen) + 2
    boek.tekst(ws, rij, 1, "Afwijkingen in Controle", boek.opmaak(vet=True))
    boek.formule(ws, rij, 2, "controle_afwijkingen", 0, boek.opmaak("geheel", vet=True, align="left"))
    if punten:
        rij += 2
        boek.sectie(ws, rij, "Aandachtspunten")
        for k, tekst in enumerate(punten, start=1):
            boek.alinea(ws, rij + k, 2, tekst)


def cel(rij: int, kolom: int, blad: str = "", absoluut: bool = False) -> str:
    adres = xl_rowcol_to_cell(rij, kolom, row_abs=absoluut, col_abs=absoluut)
    return f"{blad}!{adres}" if blad else adres


def kolombereik(blad: str, kolom: int, van: int, tot: int) -> str:
    """Absoluut bereik in één kolom, bijv. Invoer!$A$6:$A$9 (rijen 0-gebaseerd, inclusief)."""
    letter = xl_col_to_name(kolom)
    return f"{blad}!${letter}${van + 1}:${letter}${max(tot, van) + 1}"


@dataclass
class Blok:
    """Rekenblok in FAST-opzet: elke rij is één rekenstap, met één formule over alle kolommen.

    Kolommen: A stap, B rekenregel, C eenheid, D totaal of scalaire waarde, E… één per eenheid
    (personeelsregel of product). Rijen verwijzen alleen naar rijen erboven (stroom van boven naar beneden).
    """

    boek: Boek
    ws: object
    blad: str
    aantal: int
    rij: int
    kolom0: int = 4
    rijen: dict[str, int] = field(default_factory=dict)
    leeg_als: str | None = None  # rij met de code: een lege code (reservekolom) maakt elke stap leeg

    def cel(self, sleutel: str, k: int, blad: bool = False, absoluut: bool = False) -> str:
        return cel(self.rijen[sleutel], self.kolom0 + k, self.blad if blad else "", absoluut)

    def totaal(self, sleutel: str, blad: bool = True) -> str:
        return cel(self.rijen[sleutel], self.kolom0 - 1, self.blad if blad else "", absoluut=True)

    def bereik(self, sleutel: str, blad: bool = False) -> str:
        """Absoluut bereik van rij ``sleutel`` over alle eenheden (minstens één kolom)."""
        r = self.rijen[sleutel] + 1
        van, tot = xl_col_to_name(self.kolom0), xl_col_to_name(self.kolom0 + max(self.aantal, 1) - 1)
        bereik = f"${van}${r}:${tot}${r}"
        return f"{self.blad}!{bereik}" if blad else bereik

    def _label(self, sleutel, label, uitleg, eenheid, opmaak=None) -> int:
        rij = self.rij
        self.rijen[sleutel] = rij
        self.boek.tekst(self.ws, rij, 0, label, opmaak)
        self.boek.tekst(self.ws, rij, 1, uitleg, self.boek.opmaak(font_color="#595959"))
        self.boek.tekst(self.ws, rij, 2, eenheid)
        self.rij += 1
        return rij

    def stap(self, sleutel: str, label: str, uitleg: str, eenheid: str, formule: Callable[[int], str | None],
             waarden: Sequence, soort: str = "euro", totaal: bool = False, vet: bool = False,
             terugloop: bool = False) -> None:
        """Eén rekenstap: ``formule(k)`` is de formule (zonder '=') voor eenheid k."""
        rij = self._label(sleutel, label, uitleg, eenheid, self.boek.opmaak(vet=vet))
        opmaak = self.boek.opmaak(soort, vet=vet, text_wrap=True) if terugloop else self.boek.opmaak(soort, vet=vet)
        if terugloop:
            self.ws.set_row(rij, 30)
        for k in range(self.aantal):
            tekst = formule(k)
            waarde = waarden[k] if k < len(waarden) else ""  # reservekolom: leeg
            if tekst is None:  # bijv. het rekenjaar in een indexreeks: geen stap
                self.boek.tekst(self.ws, rij, self.kolom0 + k, "–", self.boek.opmaak(align="right"))
            else:
                if self.leeg_als and sleutel != self.leeg_als and self.leeg_als in self.rijen:
                    tekst = f'IF({self.cel(self.leeg_als, k)}="","",{tekst})'
                self.boek.formule(self.ws, rij, self.kolom0 + k, tekst, waarde, opmaak)
        if totaal:
            som = sum(float(schoon(w) or 0) for w in waarden)
            self.boek.formule(self.ws, rij, self.kolom0 - 1, f"SUM({self.bereik(sleutel)})", som,
                              self.boek.opmaak(soort, vet=True))

    def scalair(self, sleutel: str, label: str, uitleg: str, eenheid: str, formule: str, waarde,
                soort: str = "euro", naam: str | None = None) -> None:
        """Eén scalaire rekenstap in kolom D, optioneel als benoemde cel."""
        rij = self._label(sleutel, label, uitleg, eenheid)
        self.boek.formule(self.ws, rij, self.kolom0 - 1, formule, waarde, self.boek.opmaak(soort, vet=True))
        if naam:
            self.boek.noem(naam, self.blad, rij, self.kolom0 - 1)

    def witregel(self) -> None:
        self.rij += 1


def nodige_breedte(waarden: Sequence, soort: str, som: bool) -> int:
    """Kolombreedte (tekens) waarin elk getal én het totaal passen: nooit ### in Excel of LibreOffice."""
    if soort not in {"euro", "euro_heel", "getal", "aantal", "uren"}:
        return 0
    getallen = [float(w) for w in (schoon(x) for x in waarden) if isinstance(w, float)]
    if som:
        getallen.append(sum(getallen))
    if not getallen:
        return 0
    grootste = max(abs(g) for g in getallen)
    return len(f"{grootste:,.2f}") + 5  # euroteken, spatie, minteken en marge


@dataclass
class Tabel:
    """Rekentabel met één rij per eenheid (regio, DUVO-regel) en één kolom per stap of jaar.

    Elke kolom heeft één formule voor alle rijen (FAST); de kop staat in de rij boven de eerste
    eenheid, een optionele somregel eronder.
    """

    boek: Boek
    ws: object
    blad: str
    rij0: int  # eerste rij met een eenheid (0-gebaseerd)
    aantal: int
    volgende: int = 0  # volgende vrije kolom
    kolommen: dict[str, int] = field(default_factory=dict)
    leeg_als: str | None = None  # kolom met de naam: een lege naam (reserverij) maakt elke formule in de rij leeg

    def cel(self, sleutel: str, i: int, blad: bool = False, absoluut: bool = False) -> str:
        return cel(self.rij0 + i, self.kolommen[sleutel], self.blad if blad else "", absoluut)

    def bereik(self, sleutel: str, blad: bool = False) -> str:
        """Absoluut bereik van kolom ``sleutel`` over alle eenheden (minstens één rij)."""
        volledig = kolombereik(self.blad, self.kolommen[sleutel], self.rij0, self.rij0 + max(self.aantal, 1) - 1)
        return volledig if blad else volledig.split("!", 1)[1]

    def som_cel(self, sleutel: str, blad: bool = True) -> str:
        return cel(self.rij0 + self.aantal, self.kolommen[sleutel], self.blad if blad else "", absoluut=True)

    def kolom(self, sleutel: str, kop: str, formule: Callable[[int], str | None] | None, waarden: Sequence,
              soort: str = "euro", som: bool = False, breedte: int | None = None) -> None:
        """Een kolom: ``formule(i)`` per eenheid (None = geen formule: ``waarden[i]`` als waarde)."""
        k = self.kolommen[sleutel] = self.volgende
        self.volgende += 1
        self.boek.kopregel(self.ws, self.rij0 - 1, [kop], kolom=k)
        breedte = max(breedte or 0, nodige_breedte(waarden, soort, som))
        if breedte:
            self.ws.set_column(k, k, breedte)
        opmaak = self.boek.opmaak(soort)
        for i in range(self.aantal):
            tekst = None if formule is None else formule(i)
            waarde = waarden[i] if i < len(waarden) else ""  # reserverij: leeg
            if tekst is None:
                self.boek.waarde(self.ws, self.rij0 + i, k, waarde, opmaak)
            else:
                if self.leeg_als and sleutel != self.leeg_als and self.leeg_als in self.kolommen:
                    tekst = f'IF({self.cel(self.leeg_als, i)}="","",{tekst})'
                self.boek.formule(self.ws, self.rij0 + i, k, tekst, waarde, opmaak)
        if som:
            totaal = sum(float(schoon(w) or 0) for w in waarden)
            self.boek.formule(self.ws, self.rij0 + self.aantal, k, f"SUM({self.bereik(sleutel)})", totaal,
                              self.boek.opmaak(soort, vet=True, top=1))

    def somlabel(self, tekst: str = "Σ") -> None:
        self.boek.tekst(self.ws, self.rij0 + self.aantal, 0, tekst, self.boek.opmaak(vet=True, top=1))


BESCHERMING = {"format_cells": True, "format_columns": True, "format_rows": True}  # zonder wachtwoord


def beveilig(ws, **extra) -> None:
    """Bladbeveiliging zonder wachtwoord (bewust op te heffen): formules vast, gele invoercellen vrij."""
    ws.protect("", {**BESCHERMING, **extra})


def tabelblad(boek: Boek, naam: str, omschrijving: str, aantal: int, sectie: str | None = None,
              leeg_als: str | None = None) -> Tabel:
    """Nieuw blad met één Tabel (``aantal`` eenheden), optioneel onder een sectietitel.

    De kolom met namen en de kopregel staan vast; de kopregel is hoog genoeg voor kopjes over drie regels.
    """
    ws = boek.blad(naam, omschrijving, [26])
    if sectie:
        boek.sectie(ws, EERSTE_RIJ, sectie)
    t = Tabel(boek, ws, naam, EERSTE_RIJ + (2 if sectie else 1), aantal, leeg_als=leeg_als)
    ws.freeze_panes(t.rij0, 1)
    ws.set_row(t.rij0 - 1, 45)
    return t
