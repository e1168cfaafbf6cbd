"""Begrensd werk en geen programmafout op geldige invoer (docs/veiligheid.md).

Elk werkboek uit de veiligheidsreview draait als los proces onder een plafond: 2 GB adresruimte
(RLIMIT_AS) en 15 s. De uitkomst moet exit 0 (berekend) of 2 (Nederlandse melding) zijn — nooit 1
(programmafout), nooit een Engelse numpy-waarschuwing of een stacktrace. Het plafond is geen tijdmeting
van de code maar de grens waarbinnen een gedeelde server bruikbaar blijft.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tariefmodel import grenzen
from tests.hulp.reproducers import reproducers

MAP = Path(__file__).resolve().parent.parent
GEHEUGEN = 2 * 1024**3
SECONDEN = 15
GEVALLEN = reproducers()
# Wat elk geval hoort te geven: de melding (exit 2) die de oorzaak in de cel noemt, of een berekening (exit 0).
VERWACHT = {
    "dagen_per_jaar_1": (2, "Blad 'Regio's', rij 2, kolom 'Cliënten per jaar'"),
    "dagen_per_jaar_1_export": (2, "dagen_per_jaar (1)"),
    "last_op_de_grens": (0, ""),
    "dagen_per_jaar_1_via_zet": (2, "met dagen_per_jaar = 1 vraagt Alkmaar (Regio's, rij 2) meer dan 5.000"),
    "600_producten_5000_onbekende_codes": (2, f"hoogstens {grenzen.MAX_PRODUCTEN} kunnen worden gelezen"),
    "plaatsen_2_miljoen": (2, "Blad 'Producten', rij 2, kolom 'Plaatsen': mag hoogstens 5.000 plaatsen"),
    "plaatsen_negatief_groot": (2, "Blad 'Producten', rij 2, kolom 'Plaatsen'"),
    "uren_per_traject_1e-320": (2, ("Blad 'Producten', rij 6, kolom 'Uren per traject': het getal is "
                                    "onrealistisch klein")),
    "uren_per_traject_1e-320_export": (2, "kolom 'Uren per traject'"),
    "uren_per_traject_1e-320_rapport": (2, "kolom 'Uren per traject'"),
    "kosten_per_plaats_klein": (2, "kolom 'Waarde': kosten_per_plaats"),
    "maatstaf_aandeel_0_kolom_0": (0, "maatstaf 'Leeg' heeft aandeel 0"),
    "3000_regios_fout_gespeld": (2, f"hoogstens {grenzen.MAX_REGIOS}"),
    "9000_regios_plaatsingen": (2, f"hoogstens {grenzen.MAX_REGIOS}"),
}


def _plafond() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (GEHEUGEN, GEHEUGEN))


def test_elk_geval_heeft_een_verwachting():
    assert set(VERWACHT) == set(GEVALLEN)


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_reproducer_binnen_plafond_met_exit_0_of_2(naam, tmp_path):
    opdracht, bestand, data = GEVALLEN[naam]
    werkboek = tmp_path / bestand
    werkboek.write_bytes(data)
    opdracht, *opties = opdracht.split()
    args = [sys.executable, "-m", "tariefmodel", opdracht, str(werkboek), *opties]
    if opdracht in ("exporteer", "rapport"):
        args.append(str(tmp_path / ("uit.pdf" if opdracht == "rapport" else "uit.xlsx")))
    uit = subprocess.run(args, capture_output=True, text=True, timeout=SECONDEN, preexec_fn=_plafond, cwd=MAP,
                         check=False)
    code, tekst = VERWACHT[naam]
    alles = uit.stdout + uit.stderr
    assert uit.returncode == code, alles[-2000:]
    assert tekst in alles, alles[-2000:]
    for engels in ("Traceback", "RuntimeWarning", "Interne fout", "invalid value encountered"):
        assert engels not in alles, alles[-2000:]


def test_capaciteit_met_0_komma_4_plaatsen_geeft_geen_fout():
    """Plaatsen 0,4 werd na afronden 0 plaatsen: deling door nul op de pagina Capaciteit."""
    from streamlit.testing.v1 import AppTest

    from tests.hulp.reproducers import kostprijs

    at = AppTest.from_file(str(MAP / "app.py"), default_timeout=30)
    at.run()
    at.sidebar.file_uploader[0].set_value(("klein.xlsx", kostprijs({4: "0,4"}),
                                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    at.run()
    at.switch_page("paginas/capaciteit.py")
    at.run()
    assert not at.exception
    fouten = [e.value for e in at.error]
    assert not any("Er ging iets mis" in f for f in fouten), fouten
    getoond = [re.sub(r"\\(.)", r"\1", m.value).replace("\u2060", "") for m in at.markdown]  # zonder de escapes van gedeeld.tekst()
    assert any("0,4 plaatsen (gerekend als 1)" in t for t in getoond), getoond


def test_hint_een_keer_per_verschillende_onbekende_naam(monkeypatch):
    """400 regio's en 2.000 DUVO-regels met drie verkeerd gespelde namen: drie fuzzy matches, niet 2.000."""
    from tariefmodel.meldingen import WerkboekFout
    from tariefmodel.werkboek import landelijk as lezer
    from tests.hulp.reproducers import landelijk, veel_regios

    regios = veel_regios(grenzen.MAX_REGIOS)
    fout_gespeld = ["Regoi 1", "Regio 2x", "Rgeio 3"]
    duvo = [(fout_gespeld[i % 3], 2000 + i // 3 % 100, 100_000, 50_000, 10_000) for i in range(2000)]
    data = landelijk(regios=regios, duvo=duvo)
    aanroepen = []
    echt = lezer._hint

    def tel(ruw, kandidaten):
        aanroepen.append(ruw)
        return echt(ruw, kandidaten)

    monkeypatch.setattr(lezer, "_hint", tel)
    with pytest.raises(WerkboekFout) as fout:
        lezer.lees_landelijk_werkboek(data, "veel.xlsx")
    duvo_aanroepen = [a for a in aanroepen if a in fout_gespeld]
    assert sorted(duvo_aanroepen) == sorted(fout_gespeld)
    teksten = [m.tekst() for m in fout.value.fouten if m.blad == "DUVO"]
    assert len(teksten) == 2000 and "bedoelt u 'Regio 1'?" in teksten[0]


def test_plaatsingen_worden_ijl_opgeslagen():
    """9.000 regio's met één stroom elk: geen 9.000 × 9.000-matrix (623 MiB), alleen de stromen."""
    from tariefmodel.landelijk import plaatsingen as pl
    from tariefmodel.landelijk.invoer import Plaatsing

    namen = [f"R{i}" for i in range(9000)]
    stromen = [Plaatsing(namen[i], namen[(i + 1) % 9000], 3, i + 2) for i in range(9000)]
    m = pl.stroommatrix(stromen, namen)
    assert m.aantal.nbytes + m.herkomst.nbytes + m.opvang.nbytes < 1_000_000
    # Met de hand: elke regio ontvangt 3 van buiten en stuurt 3 naar buiten; prijs 100 per plaatsing.
    assert pl.instroom_van_buiten(m)[:3].tolist() == [3, 3, 3]
    v = pl.verrekening(m, np.full(9000, 100.0))
    assert v.ontvangen[0] == 300 and v.betaald[0] == 300 and v.saldo.sum() == 0


def test_capaciteit_zelf_invullen_boven_de_lastgrens_rekent_niet():
    """100.000 aanmeldingen × 1.000 dagen = 273.973 tegelijk: een melding, geen minutenlange zoektocht."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(MAP / "app.py"), default_timeout=30)
    at.run()
    at.switch_page("paginas/capaciteit.py")
    at.run()
    at.radio(key="cap_keuze").set_value(at.radio(key="cap_keuze").options[-1]).run()
    at.radio(key="cap_zelf_manier").set_value("Aanmeldingen per jaar").run()
    at.number_input(key="cap_zelf_aanmeldingen").set_value(100_000)
    at.number_input(key="cap_zelf_duur_verlies").set_value(1000).run()
    assert not at.exception
    assert any("meer dan de grens van 5.000" in w.value for w in at.warning), [w.value for w in at.warning]
