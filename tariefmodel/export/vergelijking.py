"""Excel-vergelijking: het werkboek en elk scenario als kolommen (`vergelijk --xlsx`, Downloads in de app).

Bouwt op de bouwstenen van de kostprijsexport (export/opmaak.py). De cijfers per scenario komen uit
tariefmodel (de volledige berekening per scenario staat in de kostprijsexport van dat scenario); ze staan
als **waarde** in het blad en zijn zo gelabeld. Alles wat daaruit volgt is een **live formule** in het
blad zelf: verschil per eenheid, tekort, dekkingsgraad, de totalen, wat de gemeente betaalt en het
verschil met kostendekkend — wie een tarief of volume in het blad wijzigt, ziet die regels meebewegen.
Eurobedragen in de waarden zijn afgerond op centen (§1.7).
"""

from __future__ import annotations

from xlsxwriter.utility import xl_rowcol_to_cell

from tariefmodel.afronding import rond_euro
from tariefmodel.export.opmaak import EERSTE_RIJ, Boek, Kop, schrijf_toelichting
from tariefmodel.kostprijs.vergelijking import Kolom, beschrijving

BLAD = "Vergelijking"
EERSTE_KOLOM = 3  # A label, B eenheid, C herkomst (waarde/formule); D… één kolom per scenario


def exporteer_vergelijking(kolommen: list[Kolom]) -> bytes:
    """xlsx-bytes: blad Toelichting en blad Vergelijking (basis en scenario's als kolommen)."""
    invoer = kolommen[0].resultaat.invoer
    boek = Boek(Kop(f"Vergelijking scenario's {invoer.organisatie} — rekenjaar {invoer.rekenjaar}",
                    invoer.bestandsnaam, invoer.sha256, invoer.concept))
    schrijf_toelichting(boek, "Het werkboek en elk scenario naast elkaar.", [
        ("Toelichting", "dit blad"),
        (BLAD, "per scenario een kolom: wijzigingen, per product kostprijs, tarief, volume en tekort; totalen"),
    ], [
        "Kolom C zegt per regel 'waarde' (berekend door tariefmodel, afgerond op centen) of 'formule' (live in dit blad).",
        "Gele cellen (tarief, volume) mogen worden gewijzigd: tekort, dekking en totalen rekenen mee.",
        "De kostprijs zelf rekent niet mee; de volledige berekening staat in de kostprijsexport van elk scenario.",
        "Dekkingsgraad = opbrengst / integrale kosten, alleen producten met een gemeentetarief (overal dezelfde).",
    ], [])
    _blad(boek, kolommen)
    boek.wb.get_worksheet_by_name(BLAD).activate()
    return boek.bytes()


def _blad(boek: Boek, kolommen: list[Kolom]) -> None:
    ws = boek.blad(BLAD, "Het werkboek en de scenario's naast elkaar (waarden uit tariefmodel; afgeleide regels als "
                   "formule).", [46, 16, 10] + [20] * len(kolommen))
    ws.freeze_panes(EERSTE_RIJ + 1, EERSTE_KOLOM)
    rij = EERSTE_RIJ
    boek.kopregel(ws, rij, ["", "Eenheid", "Herkomst", *(k.naam for k in kolommen)])
    rij += 1
    boek.tekst(ws, rij, 0, "Wijzigingen t.o.v. het werkboek")
    for k, kol in enumerate(kolommen):
        boek.tekst(ws, rij, EERSTE_KOLOM + k, beschrijving(kol.wijzigingen), boek.opmaak(text_wrap=True))
    ws.set_row(rij, 15 * max(2, max(len(k.wijzigingen) for k in kolommen)))
    rij += 2
    totalen: dict[str, list[str]] = {s: [] for s in ("I", "opbrengst", "kd", "tekort")}
    for i, p0 in enumerate(kolommen[0].resultaat.producten):
        rij = _product(boek, ws, kolommen, i, p0, rij, totalen)
    _totaal(boek, ws, kolommen, rij, totalen)


def _regel(boek: Boek, ws, rij: int, label: str, eenheid: str, herkomst: str, vet: bool = False) -> None:
    boek.tekst(ws, rij, 0, label, boek.opmaak(vet=vet))
    boek.tekst(ws, rij, 1, eenheid)
    boek.tekst(ws, rij, 2, herkomst, boek.opmaak(font_color="#595959"))


def _product(boek: Boek, ws, kolommen: list[Kolom], i: int, p0, rij: int, totalen) -> int:
    boek.sectie(ws, rij, f"{p0.code} — {p0.product.naam} (per {p0.product.eenheid})")
    rij += 1
    rijen = {}
    for sleutel, label, eenheid, soort, invoer in (
            ("kp", "Kostprijs (kostendekkend tarief)", "euro", "euro", False),
            ("tarief", "Gemeentetarief", "euro", "euro", True),
            ("volume", "Gerealiseerd volume", p0.product.eenheid, "getal", True),
            ("I", "Integrale kosten per jaar", "euro", "euro", False)):
        _regel(boek, ws, rij, label, eenheid, "waarde")
        for k, kol in enumerate(kolommen):
            p = kol.resultaat.producten[i]
            waarde = {"kp": rond_euro(p.kostprijs), "tarief": rond_euro(p.gemeentetarief),
                      "volume": float(p.gerealiseerd_volume), "I": rond_euro(p.integrale_kosten)}[sleutel]
            boek.waarde(ws, rij, EERSTE_KOLOM + k, waarde, boek.opmaak(soort, invoer=invoer))
        rijen[sleutel] = rij
        rij += 1
    for sleutel, label, soort, formule, python in (
            ("verschil", "Verschil per eenheid (tarief − kostprijs)", "euro",
             lambda c: f'IF({c("tarief")}="","",{c("tarief")}-{c("kp")})',
             lambda p: None if p.gemeentetarief is None else rond_euro(p.gemeentetarief) - rond_euro(p.kostprijs)),
            ("opbrengst", "Gemeente betaalt (tarief × volume)", "euro",
             lambda c: f'IF({c("tarief")}="","",{c("tarief")}*{c("volume")})', lambda p: p.opbrengst),
            ("kd", "Bij kostendekkend tarief (kostprijs × volume)", "euro",
             lambda c: f'IF({c("tarief")}="","",{c("kp")}*{c("volume")})',
             lambda p: None if p.gemeentetarief is None else rond_euro(p.kostprijs) * p.gerealiseerd_volume),
            ("tekort", "Tekort per jaar (kosten − opbrengst)", "euro",
             lambda c: f'IF({c("opbrengst")}="","",{c("I")}-{c("opbrengst")})', lambda p: p.tekort),
            ("dekking", "Dekkingsgraad (opbrengst / kosten)", "procent1",
             lambda c: f'IF(OR({c("opbrengst")}="",{c("I")}=0),"",{c("opbrengst")}/{c("I")})', lambda p: p.dekkingsgraad)):
        _regel(boek, ws, rij, label, "euro" if soort == "euro" else "fractie", "formule", vet=sleutel == "tekort")
        rijen[sleutel] = rij
        for k, kol in enumerate(kolommen):
            p = kol.resultaat.producten[i]
            kolom = EERSTE_KOLOM + k

            def c(s, kolom=kolom):
                return xl_rowcol_to_cell(rijen[s], kolom)
            boek.formule(ws, rij, kolom, formule(c), python(p), boek.opmaak(soort, vet=sleutel == "tekort"))
        rij += 1
    for s in totalen:
        totalen[s].append(rijen[s])
    return rij + 1


def _totaal(boek: Boek, ws, kolommen: list[Kolom], rij: int, totalen) -> None:
    boek.sectie(ws, rij, "Totaal van de organisatie (tarief, opbrengst en tekort: producten met een gemeentetarief)")
    rij += 1
    regels = {}
    for sleutel, label, soort, python in (
            ("I", "Integrale kosten per jaar", "euro", lambda k: k.resultaat.integrale_kosten),
            ("opbrengst", "Gemeente betaalt in totaal", "euro", lambda k: k.gemeente_betaalt),
            ("kd", "Bij kostendekkende tarieven", "euro", lambda k: k.kostendekkend),
            ("tekort", "Tekort per jaar", "euro", lambda k: k.resultaat.tekort)):
        _regel(boek, ws, rij, label, "euro", "formule", vet=sleutel == "tekort")
        regels[sleutel] = rij
        for k, kol in enumerate(kolommen):
            cellen = ",".join(xl_rowcol_to_cell(r, EERSTE_KOLOM + k) for r in totalen[sleutel])
            boek.formule(ws, rij, EERSTE_KOLOM + k, f"SUM({cellen})", python(kol), boek.opmaak(soort, vet=True))
        rij += 1
    _regel(boek, ws, rij, "Verschil met kostendekkend (wat de gemeente te weinig betaalt)", "euro", "formule")
    for k, kol in enumerate(kolommen):
        c = {s: xl_rowcol_to_cell(r, EERSTE_KOLOM + k) for s, r in regels.items()}
        boek.formule(ws, rij, EERSTE_KOLOM + k, f"{c['kd']}-{c['opbrengst']}", kol.kostendekkend - kol.gemeente_betaalt,
                     boek.opmaak("euro"))
    rij += 1
    _regel(boek, ws, rij, "Meerjarig tekort (cumulatief)", "euro", "waarde", vet=True)
    for k, kol in enumerate(kolommen):
        boek.waarde(ws, rij, EERSTE_KOLOM + k, rond_euro(kol.cumulatief_tekort), boek.opmaak("euro", vet=True))
    boek.tekst(ws, rij + 1, 0, f"Meerjarig: {kolommen[0].jaren} jaar vanaf het rekenjaar, CAO-stijging tegen de "
               "tariefindex (rekenmethode §1.8); berekend door tariefmodel.", boek.opmaak(italic=True))
