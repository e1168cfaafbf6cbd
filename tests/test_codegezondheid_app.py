"""Code-gezondheid van de app: caches die voor alle sessies gelden, en geen HTML uit gebruikersinvoer.

Streamlit bedient alle gebruikers uit één proces: een ``st.cache_data``/``st.cache_resource`` is gedeeld.
Een argument met een underscore telt niet mee in de sleutel; zit daar sessiedata in, dan krijgt een andere
gebruiker het resultaat van de eerste (architectuur.md, v2). Zie docs/veiligheid.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

MAP = Path(__file__).resolve().parent.parent
BRONNEN = sorted([MAP / "app.py", *(MAP / "paginas").glob("*.py")])
CACHES = {"cache_data", "cache_resource"}


def _is_cache(decorator: ast.expr) -> bool:
    doel = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(doel, ast.Attribute) and doel.attr in CACHES or isinstance(doel, ast.Name) and doel.id in CACHES


def gecachete_functies() -> list[tuple[str, ast.FunctionDef]]:
    gevonden = []
    for bron in BRONNEN:
        boom = ast.parse(bron.read_text(encoding="utf-8"))
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef) and any(map(_is_cache, knoop.decorator_list)):
                gevonden.append((f"{bron.relative_to(MAP)}:{knoop.name}", knoop))
    return gevonden


def _argumenten(f: ast.FunctionDef) -> list[str]:
    a = f.args
    namen = [x.arg for x in [*a.posonlyargs, *a.args, *a.kwonlyargs]]
    return namen + [x.arg for x in (a.vararg, a.kwarg) if x is not None]


def test_er_zijn_gecachete_functies_gevonden():
    """De zoektocht zelf werkt: de bekende caches staan erin (anders zou de volgende test niets toetsen)."""
    namen = {n for n, _ in gecachete_functies()}
    assert "paginas/gedeeld.py:lees_kostprijs" in namen
    assert "paginas/downloads.py:landelijk_excel" in namen


@pytest.mark.parametrize(("naam", "functie"), gecachete_functies(), ids=[n for n, _ in gecachete_functies()])
def test_cache_heeft_geen_ongehashte_argumenten(naam, functie):
    """Elk argument telt mee in de cachesleutel: geen ``_argument`` (dat Streamlit niet hasht)."""
    verborgen = [a for a in _argumenten(functie) if a.startswith("_")]
    assert not verborgen, f"{naam}: argument(en) {verborgen} tellen niet mee in de cachesleutel"


def test_cache_leest_geen_sessiestatus():
    """Een gecachete functie leest st.session_state niet: dan hinge het resultaat af van iets buiten de sleutel."""
    fout = []
    for naam, functie in gecachete_functies():
        for knoop in ast.walk(functie):
            if isinstance(knoop, ast.Attribute) and knoop.attr in ("session_state", "query_params", "context"):
                fout.append(naam)
            if isinstance(knoop, ast.Call) and isinstance(knoop.func, ast.Attribute) and knoop.func.attr in (
                    "werkboek", "invoer", "landelijk_resultaat", "landelijk_sleutel"):
                fout.append(f"{naam} roept {knoop.func.attr}() aan (leest de sessie)")
    assert not fout, fout


def test_geen_unsafe_allow_html_en_html_alleen_vaste_tekst():
    """Geen ``unsafe_allow_html=True``; ``st.html`` alleen met een vaste tekst (een constante in hoofdletters)."""
    fout = []
    for bron in BRONNEN:
        for knoop in ast.walk(ast.parse(bron.read_text(encoding="utf-8"))):
            if not isinstance(knoop, ast.Call):
                continue
            for kw in knoop.keywords:
                if kw.arg == "unsafe_allow_html" and not (isinstance(kw.value, ast.Constant) and not kw.value.value):
                    fout.append(f"{bron.name}:{knoop.lineno} unsafe_allow_html")
            if isinstance(knoop.func, ast.Attribute) and knoop.func.attr == "html":
                arg = knoop.args[0] if knoop.args else None
                vast = isinstance(arg, ast.Constant) or isinstance(arg, ast.Name) and arg.id.isupper()
                if not vast:
                    fout.append(f"{bron.name}:{knoop.lineno} st.html met berekende inhoud")
    assert not fout, fout


def test_tekst_maakt_markdown_en_html_onschadelijk():
    from paginas.gedeeld import tekst

    vijandig = "![x](http://127.0.0.1:9/p.png) <b>vet</b> **ster** [link](http://a) :red[rood] $x$\n# kop"
    veilig = tekst(vijandig)
    for stuk in ("![", "](", "<b>", "**", ":red[", " $x", "\n"):
        assert stuk not in veilig, stuk
    # Elk teken blijft er (met een backslash ervoor): markdown toont precies de oorspronkelijke tekst.
    assert veilig.replace("\\", "").replace("\u2060", "") == vijandig.replace("\\", "").replace("\n", " ")
    # GFM maakt van adressen na het parsen een link; de woordverbinder breekt 'http://' en 'naam@domein'.
    for adres in ("http://", "https://", "www.", "a@b"):
        assert adres not in tekst(f"zie {adres}voorbeeld.nl").replace("\\", "")
