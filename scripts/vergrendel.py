"""Schrijf requirements.lock: de exacte versies van alle geïnstalleerde pakketten die tariefmodel nodig heeft.

Loopt vanaf de afhankelijkheden in pyproject.toml (runtime, en daarna de extra 'dev') door de metadata van de
geïnstalleerde pakketten: alleen wat echt nodig is, niets anders uit de venv. Gebruik: scripts/vergrendel.sh.
"""

from __future__ import annotations

import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

MAP = Path(__file__).resolve().parent.parent


def _nodig(eisen: list[str], extra: str = "") -> list[Requirement]:
    omgeving = {**default_environment(), "extra": extra}
    uit = []
    for tekst in eisen:
        eis = Requirement(tekst)
        if eis.marker is None or eis.marker.evaluate(omgeving):
            uit.append(eis)
    return uit


def afsluiting(eisen: list[Requirement]) -> dict[str, str]:
    """{naam: versie} van de pakketten in ``eisen`` en alles waar die (geïnstalleerd) van afhangen."""
    gevonden: dict[str, str] = {}
    te_doen = [(e, "") for e in eisen] + [(Requirement(f"{e.name}"), x) for e in eisen for x in e.extras]
    while te_doen:
        eis, extra = te_doen.pop()
        naam = canonicalize_name(eis.name)
        try:
            dist = metadata.distribution(naam)
        except metadata.PackageNotFoundError:
            sys.exit(f"{eis.name} is niet geïnstalleerd; installeer eerst (scripts/installeer.sh)")
        if naam in gevonden and not extra:
            continue
        gevonden[naam] = dist.version
        for sub in _nodig(dist.requires or [], extra):
            te_doen.append((sub, ""))
            te_doen += [(Requirement(sub.name), x) for x in sub.extras]
    return gevonden


def main() -> None:
    project = tomllib.loads((MAP / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = afsluiting(_nodig(project["dependencies"]))
    dev = afsluiting(_nodig(project["optional-dependencies"]["dev"], "dev"))
    regels = ["# Gegenereerd door scripts/vergrendel.sh uit pyproject.toml en de geïnstalleerde versies; niet met de",
              "# hand bewerken. Gebruik: pip install -c requirements.lock -e '.[dev]' (docs/ontwikkelaars.md).",
              f"# Python {sys.version_info.major}.{sys.version_info.minor}", "", "# runtime"]
    regels += [f"{n}=={v}" for n, v in sorted(runtime.items())]
    regels += ["", "# dev (tests en ontwikkeling)"]
    regels += [f"{n}=={v}" for n, v in sorted(dev.items()) if n not in runtime]
    (MAP / "requirements.lock").write_text("\n".join(regels) + "\n", encoding="utf-8")
    print(f"requirements.lock: {len(runtime)} runtime-pakketten, {len(set(dev) - set(runtime))} voor dev")


if __name__ == "__main__":
    main()
