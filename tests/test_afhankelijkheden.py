"""Afhankelijkheden vastgelegd (docs/ontwikkelaars.md): grenzen met ~= in pyproject.toml, exacte versies in
requirements.lock, en die twee spreken elkaar niet tegen."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

MAP = Path(__file__).resolve().parent.parent


def _project() -> dict:
    return tomllib.loads((MAP / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _eisen() -> list[Requirement]:
    p = _project()
    return [Requirement(e) for e in [*p["dependencies"], *p["optional-dependencies"]["dev"]]]


def _slot() -> dict[str, str]:
    regels = (MAP / "requirements.lock").read_text(encoding="utf-8").splitlines()
    paren = [r.split("==") for r in regels if r and not r.startswith("#")]
    return {canonicalize_name(n): v for n, v in paren}


def test_elke_directe_afhankelijkheid_heeft_een_compatibele_grens():
    zonder = [str(e) for e in _eisen() if not any(s.operator == "~=" for s in e.specifier)]
    assert not zonder, f"gebruik ~= (compatibele versie): {zonder}"


def test_slotbestand_noemt_elke_afhankelijkheid_binnen_de_grens():
    slot = _slot()
    for eis in _eisen():
        naam = canonicalize_name(eis.name)
        assert naam in slot, f"{eis.name} ontbreekt in requirements.lock (draai scripts/vergrendel.sh)"
        assert eis.specifier.contains(slot[naam]), f"{eis.name}=={slot[naam]} valt buiten {eis.specifier}"


def test_installatie_gebruikt_het_slotbestand():
    assert "-c requirements.lock" in (MAP / "scripts" / "installeer.sh").read_text(encoding="utf-8")
