"""De kostprijsexport (issue 5): live formules die herrekend exact de uitkomst van het model geven.

Herrekenen gebeurt onafhankelijk van Python: de opgeslagen formulewaarden worden eerst uit de xlsx
gehaald (tests/herberekening.py), daarna rekent `formulas` (snel, pure Python) of LibreOffice headless.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tariefmodel.export import exporteer_kostprijs
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.rapportage import naar_json
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tests.herberekening import met_formulas, met_libreoffice, soffice, vergelijk_kostprijs
from tests.hulp.werkboeken import maak_kostprijswerkboek

VOORBEELD = Path(__file__).parents[1] / "workbooks" / "voorbeeld_kostprijs.xlsx"
ORGANISATIE = '=HYPERLINK("http://voorbeeld.invalid";"klik") Stichting Anders'

# Een werkboek met andere getallen: elke parameter gezet, normmethode, trajecten (met en zonder aantal),
# een product zonder tarief, een product zonder personeel, een eigen salaristabel, salaris onder de franchise.
ANDER = {
    "uitgangspunten": {
        "organisatie": ORGANISATIE, "rekenjaar": 2025, "concept": "ja", "overhead_methode": "norm",
        "vakantietoeslag": 0.0825, "eindejaarsuitkering": 0.09, "loopbaanbudget": 0.02, "sociale_premies": 0.19,
        "pensioen_werkgever": 0.14, "pensioen_franchise": 17000, "overige_personeelskosten_per_fte": 2100,
        "jaaruren": 1836, "verlofuren": 180, "feestdaguren": 50, "verzuim": 0.08, "scholing_overleg_uren": 60,
        "directe_tijd_ambulant": 0.62, "overhead_norm": 0.18, "risico_opslag": 0.03, "dagen_per_jaar": 366,
        "bezettingsnorm": 0.9, "meerjaren_jaren": 4, "cao_stijging": 0.03, "cao_stijging_2027": 0.05,
        "prijsindex": 0.021, "ova": 0.025, "tarief_index": 0.015,
    },
    "producten": [
        ["OPV", "=Opvang met formuletekst", "opvang", "etmaal", 12, None, None, None, 310.5],
        ["TRJ", "+Traject zonder aantal", "ambulant", "traject", None, None, 25.5, None, 1900],
        ["TRJ*", "Traject zonder tarief (code met jokerteken)", "ambulant", "traject", None, None, 12, 30, None],
        ["UUR", "-Uurproduct", "ambulant", "uur", None, None, None, None, 68.25],
        ["LEEG", "@Opvang zonder personeel", "opvang", "etmaal", 4, 0.5, None, None, 95],
    ],
    "personeel": [
        ["-Nachtdienst", "OPV", None, None, 5.6, 3400, 0.3],
        ["Woonbegeleider", "OPV", "8", "5", 4.5, None, 0.1],
        ["+Ambulant", "TRJ", "9", "3", 2.0, None, 0],
        ["Trajectbegeleider", "TRJ*", None, None, 1.0, 3900.5, 0],
        ["Uurwerker", "UUR", "8", "5", 3.25, None, 0],
        ["Stagiair onder franchise", "UUR", None, None, 0.5, 1000, 0],
        ["@Directeur", "OVERHEAD", None, None, 1.0, 7900, 0],
        ["Controller", "OVERHEAD", "11", "5", 0.6, None, 0],
    ],
    "kosten": [
        ["OPV", "huisvesting", "=Huur", 96000],
        ["LEEG", "huisvesting", "Huur noodwoningen", 40000],
        ["UUR", "overig", "@Reiskosten", 5000],
        ["OVERHEAD", "overig", "+Kantoor", 70000],
    ],
    "salaristabel": [["8", "5", 3555.55], ["9", "3", 3777.77], ["11", "5", 4999.99]],
}


def _ander_resultaat():
    data = maak_kostprijswerkboek(**ANDER)
    return bereken(lees_kostprijswerkboek(data, "ander.xlsx"))


def _voorbeeld_resultaat():
    return bereken(lees_kostprijswerkboek(VOORBEELD.read_bytes(), VOORBEELD.name))


@pytest.fixture(scope="module", params=["voorbeeld", "ander"])
def geval(request):
    resultaat = _voorbeeld_resultaat() if request.param == "voorbeeld" else _ander_resultaat()
    return resultaat, exporteer_kostprijs(resultaat)


_HERREKEND: dict[bytes, object] = {}


def herrekend(xlsx: bytes):
    """met_formulas, één keer per export (herrekenen kost een paar seconden)."""
    if xlsx not in _HERREKEND:
        _HERREKEND[xlsx] = met_formulas(xlsx)
    return _HERREKEND[xlsx]


@pytest.fixture(scope="module")
def ander():
    resultaat = _ander_resultaat()
    return resultaat, exporteer_kostprijs(resultaat)


@pytest.fixture(scope="module")
def klein():
    """Een klein werkboek (snel te herrekenen) voor de tests die formules bederven."""
    data = maak_kostprijswerkboek(
        {"organisatie": "Klein", "rekenjaar": 2026, "meerjaren_jaren": 2},
        [["OPV", "Opvang", "opvang", "etmaal", 5, None, None, None, 200],
         ["TRJ", "Traject", "ambulant", "traject", None, None, 20, 40, 1500]],
        [["Begeleider", "OPV", None, None, 6, 3500, 0.2], ["Coach", "TRJ", None, None, 1, 3600, 0],
         ["Staf", "OVERHEAD", None, None, 1, 4000, 0]],
        [["OPV", "huisvesting", "Huur", 50000]])
    resultaat = bereken(lees_kostprijswerkboek(data, "klein.xlsx"))
    return resultaat, exporteer_kostprijs(resultaat)


def test_formulas_herrekent_tot_op_de_cent_gelijk_aan_het_model(geval):
    resultaat, xlsx = geval
    assert vergelijk_kostprijs(herrekend(xlsx), naar_json(resultaat)) == []


@pytest.mark.libreoffice
def test_libreoffice_herrekent_tot_op_de_cent_gelijk_aan_het_model(geval, tmp_path):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) staat niet op PATH; installeer libreoffice-calc-nogui")
    resultaat, xlsx = geval
    assert vergelijk_kostprijs(met_libreoffice(xlsx, tmp_path), naar_json(resultaat)) == []


def vervang_formule(xlsx: bytes, blad: str, oud: str, nieuw: str) -> bytes:
    """Bederf de formules met ``oud`` in blad ``blad`` (XlsxWriter schrijft blad n als sheet<n>.xml)."""
    namen = openpyxl.load_workbook(io.BytesIO(xlsx)).sheetnames
    doelbestand = f"xl/worksheets/sheet{namen.index(blad) + 1}.xml"
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as bron, zipfile.ZipFile(uit, "w") as doel:
        for item in bron.infolist():
            data = bron.read(item.filename)
            if item.filename == doelbestand:
                assert oud.encode() in data, f"{oud!r} niet gevonden in {blad}"
                data = data.replace(oud.encode(), nieuw.encode())
            doel.writestr(item, data)
    return uit.getvalue()


@pytest.mark.parametrize("blad, oud, nieuw", [
    ("Loonkosten", "<f>vakantietoeslag*", "<f>loopbaanbudget*"),  # een rekenstap
    ("Uitvoer", ",2))</f>", ",1))</f>"),  # de afronding van een uitvoercel
    ("Controle", "<f>som_directe_kosten+overhead_pool</f>", "<f>som_directe_kosten</f>"),  # een controle
])
def test_een_foute_formule_wordt_gevonden(klein, blad, oud, nieuw):
    resultaat, xlsx = klein
    fouten = vergelijk_kostprijs(met_formulas(vervang_formule(xlsx, blad, oud, nieuw)), naar_json(resultaat))
    assert fouten, f"de vergelijking ziet een bedorven formule in {blad} niet"


def test_controle_ziet_een_fout_in_de_berekening(klein):
    """Het blad Controle zelf slaat aan als een rekenstap fout is (hier de overhead van één product)."""
    resultaat, xlsx = klein
    bedorven = vervang_formule(xlsx, "Berekening", "overhead_pool*", "overhead_pool_kosten*")
    h = met_formulas(bedorven)
    assert h.waarde("Controle", "F5") > 0
    assert any(f.startswith("Controle!") for f in vergelijk_kostprijs(h, naar_json(resultaat)))


def _formules(xlsx: bytes):
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    for ws in wb.worksheets:
        for rij in ws.iter_rows():
            for cel in rij:
                if cel.data_type == "f":
                    yield ws.title, cel.coordinate, str(cel.value)


def getallen_in(formule: str) -> list[str]:
    """De getallen in een formule, na weglaten van teksten, celverwijzingen en namen."""
    kaal = re.sub(r'"[^"]*"', '""', formule)
    if "ROUND(" in kaal:
        kaal = kaal.replace(",2)", ")")  # het aantal decimalen van ROUND(…; 2) is §1.7 zelf
    kaal = re.sub(r"(?:'[^']+'|[A-Za-z_][\w.]*)!", "", kaal)  # bladnamen
    kaal = re.sub(r"\$?[A-Z]{1,3}\$?\d+", "", kaal)  # A1-verwijzingen
    kaal = re.sub(r"[A-Za-z_][\w.]*", "", kaal)  # namen en functies (cao_stijging_2027)
    return re.findall(r"\d+(?:\.\d+)?", kaal)


def test_geen_constanten_in_formules(geval):
    """FAST: getallen staan in benoemde invoercellen; in formules hooguit 0 en 1 (1 + opslag, MAX(0; …))."""
    _, xlsx = geval
    gevonden = {(blad, cel, f): g for blad, cel, f in _formules(xlsx) if (g := set(getallen_in(f)) - {"0", "1"})}
    assert gevonden == {}
    assert getallen_in("=maanden_per_jaar*E12+12") == ["12"]  # de test zelf ziet een constante wel


def test_elke_formulecel_heeft_de_berekende_waarde_opgeslagen(ander):
    """Voorbeeldweergaven (zonder herberekening) tonen dezelfde getallen als Excel na herberekening."""
    _, xlsx = ander
    opgeslagen = openpyxl.load_workbook(io.BytesIO(xlsx), data_only=True)
    h = herrekend(xlsx)
    verschillen = []
    from openpyxl.utils.datetime import to_excel

    for blad, cel, _ in _formules(xlsx):
        bewaard, nieuw = opgeslagen[blad][cel].value, h.waarde(blad, cel)
        if hasattr(bewaard, "year"):  # datumnotatie: openpyxl geeft een datetime, herrekend is het een getal
            bewaard = to_excel(bewaard)
        if isinstance(nieuw, (int, float)) and not isinstance(nieuw, bool):
            if not isinstance(bewaard, (int, float)) or abs(bewaard - nieuw) > 1e-6 * max(1, abs(nieuw)):
                verschillen.append((blad, cel, bewaard, nieuw))
        elif (bewaard or None) != (nieuw or None):
            verschillen.append((blad, cel, bewaard, nieuw))
    assert verschillen == []


def test_tekst_die_op_een_formule_lijkt_blijft_tekst(ander):
    _, xlsx = ander
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    teksten = {c.value: c.data_type for ws in wb.worksheets for rij in ws.iter_rows() for c in rij
               if isinstance(c.value, str)}
    for tekst in (ORGANISATIE, "=Opvang met formuletekst", "+Traject zonder aantal", "-Uurproduct",
                  "@Opvang zonder personeel", "-Nachtdienst", "+Ambulant", "@Directeur"):
        assert teksten.get(tekst) == "s", f"{tekst!r} is geen tekstcel"
    assert not any("HYPERLINK" in f for _, _, f in _formules(xlsx))


def test_parameters_zijn_benoemde_cellen_met_status_en_bron():
    resultaat = _voorbeeld_resultaat()
    wb = openpyxl.load_workbook(io.BytesIO(exporteer_kostprijs(resultaat)))
    namen = set(wb.defined_names)
    for naam in ("vakantietoeslag", "jaaruren", "verzuim", "risico_opslag", "bezettingsnorm", "overhead_methode",
                 "maanden_per_jaar", "uren_per_jaar_24_7", "cao_stijging_2027", "tariefindex_2031"):
        assert naam in namen, naam
    ws = wb["Parameters"]
    rijen = {ws.cell(r, 1).value: [ws.cell(r, k).value for k in range(2, 8)] for r in range(1, ws.max_row + 1)}
    assert rijen["verzuim"][0] == 0.06 and rijen["verzuim"][2] == "ESTIMATE" and rijen["verzuim"][4]
    rij = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "verzuim")
    assert [ws.cell(rij, 8).value, ws.cell(rij, 9).value] == [0, 1]  # Minimum en Maximum (bereik van de intake)
    assert rijen["jaaruren"][2] == "FACT" and rijen["jaaruren"][4].startswith("https://")
    assert rijen["overige_personeelskosten_per_fte"][2] == "werkboek"
    assert rijen["maanden_per_jaar"][0] == 12


def test_kop_met_organisatie_versie_hash_en_concept():
    from tariefmodel import __version__

    resultaat = _ander_resultaat()
    wb = openpyxl.load_workbook(io.BytesIO(exporteer_kostprijs(resultaat)))
    for ws in wb.worksheets:
        assert ORGANISATIE in ws["A1"].value and "2025" in ws["A1"].value
        assert ws["D1"].value == "CONCEPT"
        assert __version__ in ws["A2"].value and resultaat.invoer.sha256[:16] in ws["A2"].value
    voorbeeld = openpyxl.load_workbook(io.BytesIO(exporteer_kostprijs(_voorbeeld_resultaat())))
    assert voorbeeld["Uitvoer"]["D1"].value is None  # geen concept


def test_werkboek_zonder_kosten_en_met_scenario():
    """Randgeval: geen regels in Kosten; en een scenario (--zet) komt in de export als 'scenario'."""
    data = maak_kostprijswerkboek(
        {"organisatie": "Klein", "rekenjaar": 2026},
        [["OPV", "Opvang", "opvang", "etmaal", 5, None, None, None, 200]],
        [["Begeleider", "OPV", None, None, 6, 3500, 0.2], ["Staf", "OVERHEAD", None, None, 1, 4000, 0]])
    invoer = lees_kostprijswerkboek(data, "klein.xlsx").met_scenario({"bezettingsnorm": "0,9"}, {"OPV": "210,5"})
    resultaat = bereken(invoer)
    xlsx = exporteer_kostprijs(resultaat)
    assert vergelijk_kostprijs(met_formulas(xlsx), naar_json(resultaat)) == []
    ws = openpyxl.load_workbook(io.BytesIO(xlsx))["Parameters"]
    status = {ws.cell(r, 1).value: ws.cell(r, 4).value for r in range(1, ws.max_row + 1)}
    assert status["bezettingsnorm"] == "scenario"


def test_herbereken_zonder_libreoffice_geeft_een_nette_fout(monkeypatch):
    from tariefmodel.export import herberekenen

    monkeypatch.setattr(herberekenen, "soffice", lambda: None)
    with pytest.raises(herberekenen.GeenLibreOffice, match="libreoffice-calc-nogui"):
        herberekenen.herbereken_met_libreoffice(b"")


def test_invoerbladen_hebben_de_kopjes_van_elke_tabel():
    """Producten (blad Invoer), Personeel, Kosten en Salaristabel: elk een eigen blad met eigen kolomkoppen."""
    data = exporteer_kostprijs(bereken(lees_kostprijswerkboek(VOORBEELD.read_bytes())))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for blad, titel, kop in (("Invoer", "Producten", "Code"), ("Personeel", "Personeel", "Functie"),
                             ("Kosten", "Kosten", "Kostensoort")):
        rijen = [[c for c in r if c is not None] for r in wb[blad].iter_rows(values_only=True)]
        i = next(k for k, r in enumerate(rijen) if r and r[0] == titel)
        assert kop in rijen[i + 1], (titel, rijen[i + 1])
    rijen = [list(r) for r in wb["Salaristabel"].iter_rows(values_only=True)]
    kop = next(r for r in rijen if r[0] == "Schaal")
    assert kop[1] == "Trede" and kop[3] == "Maandsalaris (gebruikt)" and str(kop[4]).startswith("CAO 01-07-2024")


def test_export_zonder_cyclische_gc_en_daarna_weer_zoals_hij_was(klein, monkeypatch):
    """Tijdens het schrijven staat de collector uit (groei bij 17.000 regels, issue 17); daarna weer aan, ook na
    een fout; stond hij al uit, dan blijft hij uit."""
    import gc

    from tariefmodel.export import kostprijs as export

    klein = klein[0]
    tijdens = []
    echt = export.schrijf_parameters
    monkeypatch.setattr(export, "schrijf_parameters", lambda *a: (tijdens.append(gc.isenabled()), echt(*a)))
    assert gc.isenabled()
    exporteer_kostprijs(klein)
    assert tijdens == [False] and gc.isenabled()
    monkeypatch.setattr(export, "schrijf_parameters", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        exporteer_kostprijs(klein)
    assert gc.isenabled()
    gc.disable()
    try:
        monkeypatch.setattr(export, "schrijf_parameters", echt)
        exporteer_kostprijs(klein)
        assert not gc.isenabled()
    finally:
        gc.enable()
