"""Intake v2 (werkboekformaat.md v2, "Nothing is ever silently misread"): werkboeken zoals mensen ze invullen.

Elk werkboek is het geldige basiswerkboek uit tests/hulp/kapotte_werkboeken.py met één menselijke gewoonte:
een eigen koptekst, een tekstbedrag, een totaalregel... De verwachte waarden zijn wat de gebruiker intypte
(met de hand gelezen), nooit eerder opgeslagen uitvoer.
"""

from __future__ import annotations

import pytest

from tariefmodel.getallen import GeenGetal, lees_getal
from tariefmodel.meldingen import WerkboekFout
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tests.hulp.kapotte_werkboeken import basiswerkboek, bewerk, zet_cellen


def _kop(blad: str, oud: str, nieuw: str):
    """Typ een koptekst over, zoals een gebruiker dat doet."""
    def functie(wb):
        for cel in wb[blad][1]:
            if cel.value == oud:
                cel.value = nieuw
    return functie


def _lees(data: bytes):
    return lees_kostprijswerkboek(data)


def _fout(data: bytes) -> str:
    with pytest.raises(WerkboekFout) as fout:
        _lees(data)
    return "\n".join(m.tekst() for m in fout.value.meldingen)


def _waarschuwingen(invoer) -> str:
    return "\n".join(m.tekst() for m in invoer.waarschuwingen)


# --- kopteksten -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("blad", "oud", "nieuw"), [
    ("Personeel", "ORT", "ORT %"),
    ("Personeel", "ORT", "  ort   (%)"),
    ("Producten", "Werkelijke bezetting", "Werkelijke bezetting (%)"),
    ("Producten", "Werkelijke bezetting", "Bezettingsgraad"),
    ("Producten", "Gemeentetarief", "Gemeentetarief (€)"),
    ("Producten", "Gemeentetarief", "Tarief"),
    ("Kosten", "Bedrag", "Bedrag [€ per jaar]"),
])
def test_kop_met_eenheid_of_synoniem_wordt_gelezen(blad, oud, nieuw):
    invoer = _lees(bewerk(basiswerkboek(), _kop(blad, oud, nieuw)))
    opv = next(p for p in invoer.producten if p.code == "OPV")
    begeleider = next(r for r in invoer.personeel if r.functie == "Begeleider")
    # de waarden uit BASIS: ORT 0,1; bezetting 0,9; tarief 250; huur 90.000
    assert begeleider.ort == pytest.approx(0.1)
    assert opv.werkelijke_bezetting == pytest.approx(0.9)
    assert opv.gemeentetarief == pytest.approx(250)
    assert sum(k.bedrag for k in invoer.kosten) == pytest.approx(90_000 + 40_000)
    assert "wordt niet gebruikt" not in _waarschuwingen(invoer)


def test_onbekende_kop_geeft_waarschuwing_met_suggestie():
    invoer = _lees(bewerk(basiswerkboek(), _kop("Producten", "Gemeentetarief", "Gemeentetarief 2026")))
    tekst = _waarschuwingen(invoer)
    assert ("Blad 'Producten', rij 1, kolom 'Gemeentetarief 2026': kolom 'Gemeentetarief 2026' wordt niet "
            "gebruikt; bedoelt u 'Gemeentetarief'?") in tekst


def test_suggestie_eenmaal_per_onbekende_kop():
    def twee(wb):
        ws = wb["Producten"]
        ws.cell(row=1, column=ws.max_column + 1).value = "Gemeentetarief 2026"
        ws.cell(row=1, column=ws.max_column + 1).value = "gemeentetarief  2026"
    invoer = _lees(bewerk(basiswerkboek(), twee))
    assert _waarschuwingen(invoer).count("wordt niet gebruikt") == 1


def test_ontbrekende_verplichte_kolom_noemt_de_dichtstbijzijnde_kop():
    tekst = _fout(bewerk(basiswerkboek(), _kop("Personeel", "FTE", "Ftes totaal")))
    assert "Blad 'Personeel', rij 1, kolom 'FTE': verplichte kolom ontbreekt" in tekst
    assert "de kopregel heeft wel 'Ftes totaal': bedoelt u die?" in tekst


def test_toelichtingkolom_geeft_geen_waarschuwing():
    def extra(wb):
        ws = wb["Kosten"]
        ws.cell(row=1, column=ws.max_column + 1).value = "Opmerkingen"
    assert "wordt niet gebruikt" not in _waarschuwingen(_lees(bewerk(basiswerkboek(), extra)))


def test_onbekend_blad_wordt_genoemd():
    def extra(wb):
        wb.create_sheet("Begroting 2026")
    tekst = _waarschuwingen(_lees(bewerk(basiswerkboek(), extra)))
    assert "Blad 'Begroting 2026': dit blad wordt niet gelezen" in tekst


# --- tekstgetallen --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("tekst", "getal"), [
    ("198,000.00", 198_000), ("1,100.00", 1_100), ("1.234,56", 1234.56), ("12,5", 12.5), ("60.000", 60_000),
    ("€ 1.234,56", 1234.56), ("1\u00a0234,5", 1234.5), ("0.025", 0.025), ("85%", 0.85), ("2,5%", 0.025),
    ("1,234,567", 1_234_567), ("12.5", 12.5), ("-3", -3), ("€ 3.500,-", 3_500),
])
def test_tekstgetal(tekst, getal):
    assert lees_getal(tekst) == pytest.approx(getal)


@pytest.mark.parametrize(("tekst", "deel"), [
    ("1,100", "dubbelzinnig"), ("\u0661\u0662\u0663", "cijfers 0-9"), ("\uff11\uff12", "cijfers 0-9"),
    ("1.2.3", "geen getal"), ("1_000", "geen getal"), ("inf", "geen getal"),
])
def test_tekstgetal_geweigerd(tekst, deel):
    with pytest.raises(GeenGetal, match=deel):
        lees_getal(tekst)


def test_engels_bedrag_in_werkboek():
    data = zet_cellen(basiswerkboek(), {("Kosten", 2, "Bedrag"): "198,000.00"})
    invoer = _lees(data)
    assert invoer.kosten[0].bedrag == pytest.approx(198_000)


def test_dubbelzinnig_bedrag_noemt_de_cel():
    tekst = _fout(zet_cellen(basiswerkboek(), {("Kosten", 2, "Bedrag"): "1,100"}))
    assert "Blad 'Kosten', rij 2, kolom 'Bedrag': '1,100' is dubbelzinnig" in tekst


def test_kaal_getal_in_fractiekolom_suggereert_procent():
    tekst = _fout(zet_cellen(basiswerkboek(), {("Personeel", 2, "ORT"): 12}))
    assert "Blad 'Personeel', rij 2, kolom 'ORT':" in tekst and "bedoelt u 12%?" in tekst


def test_kaal_getal_bij_fractieparameter_suggereert_procent():
    data = basiswerkboek(uitgangspunten={"organisatie": "Corpus", "rekenjaar": 2026, "bezettingsnorm": 65})
    assert "bedoelt u 65%?" in _fout(data)


# --- --zet gebruikt dezelfde lezer ------------------------------------------------------------------------

@pytest.mark.parametrize(("zet", "waarde"), [("risico_opslag=0.025", 0.025), ("risico_opslag=2,5%", 0.025),
                                            ("bezettingsnorm=95%", 0.95), ("bezettingsnorm=0,95", 0.95)])
def test_zet_leest_als_de_cel(tmp_path, capsys, zet, waarde):
    import json

    from tariefmodel.cli import main

    pad = tmp_path / "w.xlsx"
    pad.write_bytes(basiswerkboek())
    assert main(["bereken", str(pad), "--json", "--zet", zet]) == 0
    naam = zet.split("=")[0]
    assert json.loads(capsys.readouterr().out)["uitgangspunten"][naam]["waarde"] == pytest.approx(waarde)


def test_zet_kaal_getal_voor_fractie_is_fout(tmp_path, capsys):
    from tariefmodel.cli import main

    pad = tmp_path / "w.xlsx"
    pad.write_bytes(basiswerkboek())
    assert main(["bereken", str(pad), "--zet", "risico_opslag=25"]) == 2
    assert "bedoelt u 25%?" in capsys.readouterr().err


# --- formulecellen --------------------------------------------------------------------------------------

def _met_formules(cellen: dict) -> bytes:
    """Zoals een script (openpyxl) het schrijft: formules zonder opgeslagen uitkomst."""
    data = basiswerkboek(uitgangspunten={"organisatie": "Corpus", "rekenjaar": 2026, "risico_opslag": 0.5})
    return zet_cellen(data, cellen)


def _rij_van(data: bytes, parameter: str) -> int:
    import io

    import openpyxl

    ws = openpyxl.load_workbook(io.BytesIO(data))["Uitgangspunten"]
    return next(c.row for c in ws["A"] if c.value == parameter)


def test_formule_zonder_opgeslagen_waarde_wordt_uitgerekend():
    basis = basiswerkboek(uitgangspunten={"organisatie": "Corpus", "rekenjaar": 2026, "risico_opslag": 0.5})
    rij = _rij_van(basis, "risico_opslag")
    data = zet_cellen(basis, {("Uitgangspunten", rij, "Waarde"): "=3/100", ("Kosten", 2, "Bedrag"): "=45000*2"})
    invoer = _lees(data)
    assert invoer.uitgangspunten["risico_opslag"].waarde == pytest.approx(0.03)  # 3/100, niet de standaard 2%
    assert invoer.kosten[0].bedrag == pytest.approx(90_000)  # 45.000 x 2


def test_formule_naar_andere_formule():
    data = zet_cellen(basiswerkboek(), {("Kosten", 2, "Bedrag"): "=D3+1000", ("Kosten", 3, "Bedrag"): "=20000*2"})
    invoer = _lees(data)
    assert [k.bedrag for k in invoer.kosten] == pytest.approx([41_000, 40_000])  # 40.000 + 1.000; 20.000 x 2


def test_onberekenbare_formule_wordt_geweigerd_met_de_cel():
    tekst = _fout(zet_cellen(basiswerkboek(), {("Kosten", 2, "Bedrag"): "=GEENFUNCTIE(1)"}))
    assert "Blad 'Kosten', rij 2, kolom 'Bedrag': de cel bevat de formule '=GEENFUNCTIE(1)' zonder opgeslagen" in tekst


@pytest.mark.libreoffice
def test_formule_in_door_libreoffice_opgeslagen_bestand(tmp_path):
    """Opgeslagen door LibreOffice: de uitkomst staat in het bestand en wordt gelezen."""
    from tariefmodel.export.herberekenen import herbereken_met_libreoffice, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) staat niet op PATH")
    basis = basiswerkboek(uitgangspunten={"organisatie": "Corpus", "rekenjaar": 2026, "risico_opslag": 0.5})
    rij = _rij_van(basis, "risico_opslag")
    opgeslagen = herbereken_met_libreoffice(zet_cellen(basis, {("Uitgangspunten", rij, "Waarde"): "=3/100"}))
    import io

    import openpyxl

    cel = openpyxl.load_workbook(io.BytesIO(opgeslagen), data_only=True)["Uitgangspunten"].cell(rij, 2)
    assert cel.value == pytest.approx(0.03)  # de opgeslagen uitkomst staat er echt
    assert _lees(opgeslagen).uitgangspunten["risico_opslag"].waarde == pytest.approx(0.03)


# --- plausibiliteit -------------------------------------------------------------------------------------

def _personeel(*extra):
    from tests.hulp.kapotte_werkboeken import BASIS

    return [list(r) for r in BASIS["personeel"]] + [list(r) for r in extra]


def test_jaarsalaris_in_maandsalaris_geeft_waarschuwing():
    # 4 x 12 x 4.500 = 54.000 per jaar: ruim boven 3 x het hoogste CAO-maandbedrag (onder 10.000)
    data = basiswerkboek(personeel=_personeel(["Gedragswetenschapper", "AMB", None, None, 1, 54_000, 0]))
    tekst = _waarschuwingen(_lees(data))
    assert "Blad 'Personeel', rij 6, kolom 'Maandsalaris':" in tekst and "lijkt een jaarsalaris" in tekst


def test_gewoon_maandsalaris_geeft_geen_waarschuwing():
    data = basiswerkboek(personeel=_personeel(["Gedragswetenschapper", "AMB", None, None, 1, 4_500, 0]))
    assert "jaarsalaris" not in _waarschuwingen(_lees(data))


def test_fte_boven_1_voor_een_persoon():
    data = basiswerkboek(personeel=_personeel(["Directeur", "OVERHEAD", None, None, 1.8, 7_000, 0]))
    tekst = _waarschuwingen(_lees(data))
    assert "Blad 'Personeel', rij 6, kolom 'FTE': FTE 1,8 op de functie 'Directeur'" in tekst


def test_totaalregel_wordt_niet_meegeteld():
    # BASIS: 6 + 2 + 1 + 1 = 10 FTE; een regel 'Totaal' met 10 FTE mag daar niet bij komen
    data = basiswerkboek(personeel=_personeel(["Totaal", "OPV", None, None, 10, 3_000, 0]))
    invoer = _lees(data)
    assert sum(r.fte for r in invoer.personeel) == pytest.approx(10)
    assert "Blad 'Personeel', rij 6, kolom 'Functie': deze regel lijkt een totaalregel" in _waarschuwingen(invoer)


def test_totaal_zonder_woord_is_de_som_erboven():
    data = basiswerkboek(kosten=[["OPV", "huisvesting", "Huur", 90_000], ["OVERHEAD", "overig", "Kantoor", 40_000],
                                 [None, None, None, 130_000]])  # 90.000 + 40.000
    invoer = _lees(data)
    assert sum(k.bedrag for k in invoer.kosten) == pytest.approx(130_000)
    assert "Blad 'Kosten', rij 4, kolom 'Bedrag'" in _waarschuwingen(invoer)


def test_omschrijving_totaal_huur_is_gewone_kostenpost():
    data = basiswerkboek(kosten=[["OPV", "huisvesting", "Totaal huur locatie A", 90_000],
                                 ["OVERHEAD", "overig", "Kantoor", 40_000]])
    assert sum(k.bedrag for k in _lees(data).kosten) == pytest.approx(130_000)


def test_tarief_zonder_volume():
    from tests.hulp.kapotte_werkboeken import BASIS

    producten = [list(r) for r in BASIS["producten"]]
    producten[2][7] = 0  # TRJ: 0 trajecten per jaar, wel een tarief van 2.500
    tekst = _waarschuwingen(_lees(basiswerkboek(producten=producten)))
    assert "Blad 'Producten', rij 4, kolom 'Trajecten per jaar': het product heeft een gemeentetarief" in tekst


# --- meldingen ------------------------------------------------------------------------------------------

def test_meldingen_op_blad_en_rij_gesorteerd():
    data = zet_cellen(basiswerkboek(), {("Kosten", 3, "Bedrag"): "x", ("Personeel", 3, "FTE"): "y",
                                        ("Personeel", 2, "FTE"): "z"})
    with pytest.raises(WerkboekFout) as fout:
        _lees(data)
    plekken = [(m.blad, m.rij) for m in fout.value.fouten]
    assert plekken == [("Personeel", 2), ("Personeel", 3), ("Kosten", 3)]


def test_schaal_met_het_woord_schaal_ervoor():
    gewoon = _lees(basiswerkboek())
    data = zet_cellen(basiswerkboek(), {("Personeel", 2, "Schaal"): "Schaal 8", ("Personeel", 2, "Trede"): "trede 5"})
    assert _lees(data).personeel[0].maandsalaris == gewoon.personeel[0].maandsalaris  # BASIS: schaal 8 trede 5


def test_geen_dubbel_woord_en_waarde_op_een_regel():
    data = zet_cellen(basiswerkboek(), {("Personeel", 2, "Schaal"): "schaal 99",
                                        ("Kosten", 2, "Bedrag"): "veel\ngeld " + "x" * 80})
    tekst = _fout(data)
    assert "schaal schaal" not in tekst and "schaal 99 trede 5" in tekst
    regel = next(r for r in tekst.splitlines() if "Blad 'Kosten'" in r)
    assert "veel geld" in regel and "…" in regel and "x" * 60 not in regel


# --- controleer --xlsx ----------------------------------------------------------------------------------

def test_controleer_xlsx_schrijft_gemarkeerde_kopie(tmp_path, capsys):
    import hashlib
    import io

    import openpyxl

    from tariefmodel.cli import main

    pad, uit = tmp_path / "w.xlsx", tmp_path / "gemarkeerd.xlsx"
    pad.write_bytes(zet_cellen(basiswerkboek(), {("Kosten", 2, "Bedrag"): "1,100"}))
    voor = hashlib.sha256(pad.read_bytes()).hexdigest()
    assert main(["controleer", str(pad), "--xlsx", str(uit)]) == 2
    assert hashlib.sha256(pad.read_bytes()).hexdigest() == voor  # de invoer is onaangeroerd
    ws = openpyxl.load_workbook(io.BytesIO(uit.read_bytes()))["Kosten"]
    cel = ws["D2"]  # kolom Bedrag, rij 2
    assert cel.value == "1,100" and "dubbelzinnig" in cel.comment.text
    assert cel.fill.start_color.rgb.endswith("FFC7CE")
    assert ws["D3"].comment is None


def test_controleer_xlsx_weigert_de_invoer_zelf(tmp_path, capsys):
    import os

    from tariefmodel.cli import main

    pad = tmp_path / "w.xlsx"
    pad.write_bytes(zet_cellen(basiswerkboek(), {("Kosten", 2, "Bedrag"): "1,100"}))
    os.link(pad, tmp_path / "link.xlsx")
    voor = pad.read_bytes()
    for doel in (pad, tmp_path / "link.xlsx"):
        assert main(["controleer", str(pad), "--xlsx", str(doel)]) == 2
        assert "hetzelfde als het invoerbestand" in capsys.readouterr().err
    assert pad.read_bytes() == voor


# --- geen Engelse tekst ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "deel"), [
    (["bereken"], "deze argumenten ontbreken: WERKBOEK.xlsx"),
    (["bereken", "x.xlsx", "--foo"], "onbekende argumenten: --foo"),
    (["sjabloon", "iets", "u.xlsx"], "ongeldige keuze: 'iets'"),
    (["bestaatniet"], "ongeldige keuze"),
])
def test_argparse_in_het_nederlands(capsys, argv, deel):
    from tariefmodel.cli import main

    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    tekst = capsys.readouterr().err
    assert deel in tekst and "gebruik: tariefmodel" in tekst
    for engels in ("usage", "required", "unrecognized", "invalid choice", "error"):
        assert engels not in tekst


def test_hulp_in_het_nederlands(capsys):
    from tariefmodel.cli import main

    with pytest.raises(SystemExit):
        main(["bereken", "--help"])
    tekst = capsys.readouterr().out
    assert "toon deze hulp en stop" in tekst and "opties:" in tekst
    assert "show this help" not in tekst and "usage" not in tekst and "options:" not in tekst


@pytest.mark.parametrize("fout", [PermissionError(13, "Permission denied"), FileNotFoundError(2, "No such file"),
                                  OSError(28, "No space left on device"), OSError(9999, "Something odd")])
def test_os_fouten_in_het_nederlands(fout):
    from tariefmodel.foutteksten import os_fout

    tekst = os_fout(fout)
    assert tekst and not any(w in tekst for w in ("Permission", "No such", "No space", "Something", "Error"))


def test_leesfout_zonder_engelse_systeemtekst(tmp_path, capsys):
    from tariefmodel.cli import main

    map_ = tmp_path / "m.xlsx"
    (map_ / "sub").mkdir(parents=True)
    # een pad dóór een bestand heen: ENOTDIR, een OSError met Engelse strerror
    bestand = tmp_path / "a.xlsx"
    bestand.write_bytes(b"x")
    assert main(["controleer", str(bestand / "b.xlsx")]) == 2
    tekst = capsys.readouterr().err
    assert "Not a directory" not in tekst and "Fout:" in tekst


def test_meldingen_zonder_dubbel_woord():
    from tariefmodel.meldingen import Meldingen

    m = Meldingen()
    m.fout("schaal schaal 9 trede 1 1 staat niet\nin de tabel", blad="Personeel", rij=2, kolom="Schaal")
    assert m.lijst[0].bericht == "schaal 9 trede 1 1 staat niet in de tabel"  # getallen blijven staan


def test_parameternaam_zoals_mensen_hem_typen():
    data = basiswerkboek(uitgangspunten={"organisatie": "Corpus", "rekenjaar": 2026, "Risico opslag": "3%"})
    assert _lees(data).uitgangspunten["risico_opslag"].waarde == pytest.approx(0.03)


def test_onbekende_parameter_met_suggestie():
    data = basiswerkboek(uitgangspunten={"organisatie": "Corpus", "rekenjaar": 2026, "risicoopslag": "3%"})
    assert "onbekende parameter 'risicoopslag'; bedoelt u 'risico_opslag'?" in _fout(data)


def test_landelijk_aandeel_als_kaal_percentage():
    from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek
    from tests.hulp.landelijk import landelijk_bytes, met

    data = landelijk_bytes(met("Overgang", rijen=[[2025, 1_000_000, 0], [2026, 1_000_000, 50], [2027, 2_000_000, 1]]))
    with pytest.raises(WerkboekFout) as fout:
        lees_landelijk_werkboek(data)
    tekst = "\n".join(m.tekst() for m in fout.value.meldingen)
    assert "Blad 'Overgang', rij 3, kolom 'Aandeel objectief': mag niet groter zijn dan 1" in tekst
    assert "bedoelt u 50%?" in tekst


def test_scenario_zonder_inzetbare_uren_blijft_geweigerd(tmp_path, capsys):
    """Na het opheffen van de kring uitgangspunten -> model controleert het model dit zelf (§1.2)."""
    from tariefmodel.cli import main

    pad = tmp_path / "w.xlsx"
    pad.write_bytes(basiswerkboek())
    assert main(["bereken", str(pad), "--zet", "verlofuren=5000"]) == 2  # meer verlof dan jaaruren
    assert "inzetbare uren per fte" in capsys.readouterr().err


def test_titel_boven_de_kopregel():
    from tests.hulp.kapotte_werkboeken import _titelregel

    tekst = _fout(bewerk(basiswerkboek(), _titelregel))
    assert "Blad 'Producten', rij 2, kolom 'Code': de kopteksten staan in rij 2, maar de kopregel hoort in rij 1" in tekst
    assert "bedoelt u die" not in tekst  # een titel is geen kolomnaam


def test_ort_1_onder_kop_ort_procent_geeft_waarschuwing():
    data = bewerk(zet_cellen(basiswerkboek(), {("Personeel", 2, "ORT"): 1}), _kop("Personeel", "ORT", "ORT %"))
    tekst = _waarschuwingen(_lees(data))  # 1 = 100%: de gebruiker bedoelde waarschijnlijk 1%
    assert "Blad 'Personeel', rij 2, kolom 'ORT': ORT 100% van het salaris is ongebruikelijk hoog; bedoelt u 1%?" in tekst
