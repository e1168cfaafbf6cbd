"""Het landelijk beeld (bundel) als Excel-werkboek: `tariefmodel bundel MAP/ --xlsx UIT.xlsx`.

Bladen: Landelijk (per producttype, met SUMIF-formules over 'Per organisatie'), Per organisatie (één rij per
organisatie en producttype, de bedragen van ``bereken`` per werkboek), Benchmark (mediaan en kwartielen
met KWARTIEL-formules), Bestanden (status en meldingen per bestand) en Toelichting. Naast elke formule
staat de in Python berekende waarde. Tekst uit werkboeken gaat via write_string (nooit een formule).
Los van de andere exportbladen gehouden (eigen, kleine schrijver).
"""

from __future__ import annotations

import io

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from tariefmodel import __version__
from tariefmodel.landelijk.sectorbeeld import Sectorbeeld, schuilnamen, schuilvolgorde
from tariefmodel.landelijk.sectorbeeld_json import BENCHMARK, GEWOGEN

EURO = '"€" #,##0.00;[Red]"€" -#,##0.00'
EURO_HEEL = '"€" #,##0;[Red]"€" -#,##0'
GETAL = "#,##0.0"
ORG_KOPPEN = ["Organisatie", "Bestand", "Centrumgemeente", "Producttype", "Producten", "Integrale kosten",
              "Volume", "Plaatsen", "Kostprijs (gewogen)", "Volume met tarief", "Tarief × volume",
              "Tarief (gewogen)", "Opbrengst", "Tekort"]


class _Schrijver:
    def __init__(self):
        self.buf = io.BytesIO()
        self.wb = xlsxwriter.Workbook(self.buf, {"in_memory": True})
        self.vet = self.wb.add_format({"bold": True})
        self.kop = self.wb.add_format({"bold": True, "bg_color": "#DCE6F0", "text_wrap": True, "valign": "top"})
        self.euro = self.wb.add_format({"num_format": EURO})
        self.euro_heel = self.wb.add_format({"num_format": EURO_HEEL})
        self.getal = self.wb.add_format({"num_format": GETAL})
        self.titel = self.wb.add_format({"bold": True, "font_size": 14})

    def tekst(self, ws, r, k, waarde, opmaak=None):
        ws.write_string(r, k, "" if waarde is None else str(waarde), opmaak)

    def getalcel(self, ws, r, k, waarde, opmaak=None):
        if waarde is None:
            ws.write_blank(r, k, None, opmaak)
        else:
            ws.write_number(r, k, float(waarde), opmaak)


def bundel_xlsx(r: Sectorbeeld, notities=(), met_namen: bool = False) -> bytes:
    """De xlsx-bytes van het landelijk beeld."""
    s = _Schrijver()
    org = s.wb.add_worksheet("Per organisatie")
    land = s.wb.add_worksheet("Landelijk")
    land.activate()
    rijen = _organisaties(s, org, r, met_namen)
    _landelijk(s, land, r, rijen)
    _benchmark(s, s.wb.add_worksheet("Benchmark"), r, met_namen)
    _bestanden(s, s.wb.add_worksheet("Bestanden"), r, notities, met_namen)
    _toelichting(s, s.wb.add_worksheet("Toelichting"), r)
    s.wb.close()
    return s.buf.getvalue()


def _kopblok(s: _Schrijver, ws, titel: str, r: Sectorbeeld) -> None:
    s.tekst(ws, 0, 0, titel, s.titel)
    s.tekst(ws, 1, 0, f"Rekenjaar {r.rekenjaar}; {len(r.berekend)} kostprijswerkboeken; tariefmodel {__version__}")


def _organisaties(s: _Schrijver, ws, r: Sectorbeeld, met_namen: bool) -> tuple[int, int]:
    """Eén rij per organisatie en producttype, vanaf rij 4 (Excel); geeft (eerste, laatste) rij (0-index).

    Zonder ``met_namen``: schuilnaam, en geen bestandsnaam of regio (die verraden de organisatie)."""
    _kopblok(s, ws, "Per organisatie en producttype", r)
    namen = schuilnamen(r.organisaties)
    for k, kop in enumerate(ORG_KOPPEN):
        s.tekst(ws, 3, k, kop, s.kop)
    ws.set_column(0, 1, 30)
    ws.set_column(2, 3, 20)
    ws.set_column(4, 13, 15)
    ws.freeze_panes(4, 1)
    rij = 4
    volgorde = sorted(r.organisaties, key=lambda o: (0, o.organisatie) if met_namen else
                      (schuilvolgorde(namen[o.bestand]), ""))
    for o in volgorde:
        kop = ((o.organisatie, o.bestand, o.centrumgemeente or "") if met_namen else (namen[o.bestand], "", ""))
        for x in o.per_soort:
            for k, w in enumerate((*kop, x.naam)):
                s.tekst(ws, rij, k, w)
            s.getalcel(ws, rij, 4, x.producten)
            s.getalcel(ws, rij, 5, x.integrale_kosten, s.euro)
            s.getalcel(ws, rij, 6, x.volume, s.getal)
            s.getalcel(ws, rij, 7, x.plaatsen, s.getal)
            ws.write_formula(rij, 8, f"=IF({_c(rij, 6)}>0,{_c(rij, 5)}/{_c(rij, 6)},\"\")", s.euro,
                             x.kostprijs if x.kostprijs is not None else "")
            s.getalcel(ws, rij, 9, x.volume_met_tarief, s.getal)
            s.getalcel(ws, rij, 10, x.tarief_maal_volume, s.euro)
            ws.write_formula(rij, 11, f"=IF({_c(rij, 9)}>0,{_c(rij, 10)}/{_c(rij, 9)},\"\")", s.euro,
                             x.tarief if x.tarief is not None else "")
            s.getalcel(ws, rij, 12, x.opbrengst, s.euro)
            s.getalcel(ws, rij, 13, x.tekort, s.euro)
            rij += 1
    return 4, rij - 1


def _c(rij: int, kolom: int) -> str:
    return xl_rowcol_to_cell(rij, kolom)


def _bereik(kolom: int, van: int, tot: int) -> str:
    return f"'Per organisatie'!{xl_rowcol_to_cell(van, kolom, True, True)}:{xl_rowcol_to_cell(tot, kolom, True, True)}"


def _landelijk(s: _Schrijver, ws, r: Sectorbeeld, rijen: tuple[int, int]) -> None:
    _kopblok(s, ws, "Landelijk beeld uit de kostprijswerkboeken", r)
    koppen = ["Producttype", "Producten", "Integrale kosten", "Volume", "Kostprijs (gewogen)", "Tarief (gewogen)",
              "Opbrengst", "Tekort"]
    for k, kop in enumerate(koppen):
        s.tekst(ws, 3, k, kop, s.kop)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 7, 17)
    van, tot = rijen
    rij = 4
    for x in r.per_soort:
        s.tekst(ws, rij, 0, x.naam)
        crit = _c(rij, 0)
        for kolom, bron, waarde, opmaak in ((1, 4, x.producten, None), (2, 5, x.integrale_kosten, s.euro),
                                            (3, 6, x.volume, s.getal), (6, 12, x.opbrengst or 0.0, s.euro),
                                            (7, 13, x.tekort or 0.0, s.euro)):
            ws.write_formula(rij, kolom, f"=SUMIF({_bereik(3, van, tot)},{crit},{_bereik(bron, van, tot)})", opmaak,
                             waarde)
        ws.write_formula(rij, 4, f"=IF({_c(rij, 3)}>0,{_c(rij, 2)}/{_c(rij, 3)},\"\")", s.euro,
                         x.kostprijs if x.kostprijs is not None else "")
        tarief = (f"=IF(SUMIF({_bereik(3, van, tot)},{crit},{_bereik(9, van, tot)})>0,"
                  f"SUMIF({_bereik(3, van, tot)},{crit},{_bereik(10, van, tot)})/"
                  f"SUMIF({_bereik(3, van, tot)},{crit},{_bereik(9, van, tot)}),\"\")")
        ws.write_formula(rij, 5, tarief, s.euro, x.tarief if x.tarief is not None else "")
        rij += 1
    s.tekst(ws, rij, 0, "Totaal", s.vet)
    for kolom, waarde in ((2, r.integrale_kosten), (6, r.opbrengst), (7, r.tekort)):
        ws.write_formula(rij, kolom, f"=SUM({_c(4, kolom)}:{_c(rij - 1, kolom)})", s.euro, waarde)
    rij += 2
    s.tekst(ws, rij, 0, "Kosten per opvangplaats per jaar (Σ integrale kosten opvang / Σ plaatsen)")
    s.getalcel(ws, rij, 2, r.kosten_per_plaats_per_jaar, s.euro_heel)
    s.tekst(ws, rij + 1, 0, "Tekort opvang in plaatsen tegen de kostendekkende prijs")
    s.getalcel(ws, rij + 1, 2, r.tekort_in_plaatsen, s.getal)
    s.tekst(ws, rij + 3, 0, f"Gemiddelden: {GEWOGEN}.")


def _benchmark(s: _Schrijver, ws, r: Sectorbeeld, met_namen: bool) -> None:
    _kopblok(s, ws, "Sectorbenchmark: gewogen kostprijs per organisatie", r)
    s.tekst(ws, 2, 0, BENCHMARK + ("" if met_namen else "; organisaties onder schuilnaam"))
    ws.set_column(0, 0, 34)
    ws.set_column(1, 4, 16)
    rij = 4
    for b in r.benchmark:
        s.tekst(ws, rij, 0, b.naam, s.vet)
        for k, kop in enumerate(["1e kwartiel", "Mediaan", "3e kwartiel"], start=1):
            s.tekst(ws, rij, k, kop, s.kop)
        eerste = rij + 2
        laatste = eerste + len(b.waarden) - 1
        bereik = f"{_c(eerste, 1)}:{_c(laatste, 1)}"
        for k, (kwart, waarde) in enumerate(((1, b.kwartiel_1), (2, b.mediaan), (3, b.kwartiel_3)), start=1):
            ws.write_formula(rij + 1, k, f"=QUARTILE({bereik},{kwart})", s.euro, waarde)
        for i, (schuil, naam, kostprijs) in enumerate(b.waarden):
            s.tekst(ws, eerste + i, 0, naam if met_namen else schuil)
            s.getalcel(ws, eerste + i, 1, kostprijs, s.euro)
        rij = laatste + 2


def _bestanden(s: _Schrijver, ws, r: Sectorbeeld, notities, met_namen: bool) -> None:
    _kopblok(s, ws, "Bestanden", r)
    for k, kop in enumerate(["Bestand", "Status", "Reden", "Meldingen"]):
        s.tekst(ws, 3, k, kop, s.kop)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 14)
    ws.set_column(2, 3, 80)
    rij = 4
    for i, b in enumerate(r.bestanden, start=1):
        naam = b.naam if met_namen else f"bestand {i}"
        for k, w in enumerate((naam, b.status, b.reden, "\n".join(m.tekst() for m in b.meldingen))):
            s.tekst(ws, rij, k, w)
        rij += 1
    if met_namen:
        for n in notities:
            s.tekst(ws, rij, 2, n)
            rij += 1
    elif notities:
        s.tekst(ws, rij, 2, f"{len(notities)} bestand(en) overgeslagen (geen .xlsx of Excel-slotbestand)")


def _toelichting(s: _Schrijver, ws, r: Sectorbeeld) -> None:
    ws.set_column(0, 0, 120)
    regels = [
        "Landelijk beeld uit kostprijswerkboeken (tariefmodel bundel)", "",
        "Elk werkboek is apart berekend met de rekenmethode van tariefmodel; de bedragen per organisatie zijn die",
        "van 'tariefmodel bereken' voor dat werkboek. Het landelijk tekort is de som daarvan (producten met een",
        "gemeentetarief). Dezelfde organisatie twee keer of verschillende rekenjaren worden geweigerd.",
        f"Gemiddelden: {GEWOGEN}.",
        f"Benchmark: {BENCHMARK}.",
        "Als illustratief gemarkeerde werkboeken (verzonnen cijfers) tellen alleen mee met --met-voorbeelden.",
        *r.waarschuwingen,
    ]
    for i, regel in enumerate(regels):
        s.tekst(ws, i, 0, regel, s.vet if i == 0 else None)
