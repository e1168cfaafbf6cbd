"""De werkboeken uit de veiligheidsreview (issue 'veilig voor veel gebruikers'), opgebouwd in code.

Elk geeft (naam, bytes); de test draait er de CLI op onder een tijd- en geheugenplafond (docs/veiligheid.md).
"""

from __future__ import annotations

from tariefmodel import voorbeelden
from tariefmodel.werkboek.landelijk_sjabloon import (
    VOORBEELD_MAATSTAVEN,
    VOORBEELD_OVERGANG,
    VOORBEELD_REGIOS,
    ZORGZWAARTE,
    landelijk_bladen,
)
from tariefmodel.werkboek.schrijven import werkboek_bytes
from tariefmodel.werkboek.sjablonen import kostprijswerkboek


def kostprijs(product_wijziging: dict[int, object] | None = None, regel: int = 0) -> bytes:
    """Het voorbeeld met in productregel ``regel`` de kolommen (index) uit ``product_wijziging`` vervangen."""
    producten = [list(p) for p in voorbeelden.PRODUCTEN]
    for kolom, waarde in (product_wijziging or {}).items():
        producten[regel][kolom] = waarde
    return kostprijswerkboek(voorbeelden.UITGANGSPUNTEN, producten, voorbeelden.PERSONEEL, voorbeelden.KOSTEN)


def landelijk(uitgangspunten: dict | None = None, regios=None, maatstafkolommen=(ZORGZWAARTE,),
              maatstaven=VOORBEELD_MAATSTAVEN, plaatsingen=(), duvo=()) -> bytes:
    bladen = landelijk_bladen(
        uitgangspunten={"rekenjaar": 2024, "illustratief": "ja", **(uitgangspunten or {})},
        regios=[list(r) for r in (regios if regios is not None else VOORBEELD_REGIOS)],
        maatstafkolommen=list(maatstafkolommen), maatstaven=maatstaven, overgang=VOORBEELD_OVERGANG,
        duvo=duvo, plaatsingen=plaatsingen)
    return werkboek_bytes(bladen, [])


def veel_regios(aantal: int, fout_gespeld: bool = False) -> list[tuple]:
    """``aantal`` regio's met verzonnen namen (Regio 1 ..); elk met de cijfers van het voorbeeld."""
    basis = VOORBEELD_REGIOS
    return [(f"Regio {i}" if not fout_gespeld else f"Regoi {i}", *basis[i % len(basis)][1:]) for i in range(aantal)]


def reproducers() -> dict[str, tuple[str, str, bytes]]:
    """{naam: (opdracht, bestandsnaam, bytes)} — elk geval uit de review."""
    # Met 365 dagen precies op de grens van 100.000 plaatsen tegelijk; met dagen_per_jaar = 1 ver erboven.
    grens = [(r[0], r[1], r[2], 10_000, 3_650, *r[5:]) for r in VOORBEELD_REGIOS]
    nul_maatstaf = [(*r, 0) for r in VOORBEELD_REGIOS]
    maatstaven_nul = [*VOORBEELD_MAATSTAVEN, ("Leeg", 0, "kolom vol nullen")]
    regios_9000 = veel_regios(9000)
    plaatsingen_9000 = [(r[0], regios_9000[(i + 1) % 9000][0], 3) for i, r in enumerate(regios_9000)]
    regios_3000 = veel_regios(3000)
    duvo_3000 = [(f"Regoi {i}", 2024, 100_000, 50_000, 10_000) for i in range(3000)]
    return {
        "dagen_per_jaar_1": ("landelijk", "dagen1.xlsx", landelijk({"dagen_per_jaar": 1}, grens)),
        "dagen_per_jaar_1_export": ("exporteer", "dagen1.xlsx", landelijk({"dagen_per_jaar": 1}, grens)),
        "dagen_per_jaar_1_via_zet": ("landelijk --zet dagen_per_jaar=1", "grens.xlsx", landelijk(regios=[
            (r[0], r[1], r[2], 500, 3_650, *r[5:]) for r in VOORBEELD_REGIOS])),
        "last_op_de_grens": ("landelijk", "grens.xlsx", landelijk(regios=[
            (r[0], r[1], r[2], 500, 3_650, *r[5:]) for r in VOORBEELD_REGIOS])),
        "600_producten_5000_onbekende_codes": ("controleer", "veel.xlsx", kostprijswerkboek(
            voorbeelden.UITGANGSPUNTEN,
            [[f"P{i}", f"Product {i}", "opvang", "etmaal", 10, 0.9, None, None, 200] for i in range(600)],
            [[f"F{i}", f"X{i}", 8, 5, 1.0, None, 0] for i in range(5_000)], voorbeelden.KOSTEN)),
        "plaatsen_2_miljoen": ("bereken", "plaatsen.xlsx", kostprijs({4: 2_000_000})),
        "plaatsen_negatief_groot": ("bereken", "plaatsen.xlsx", kostprijs({4: 7e18})),
        "uren_per_traject_1e-320": ("bereken", "uren.xlsx", kostprijs({6: 1e-320}, regel=4)),
        "uren_per_traject_1e-320_export": ("exporteer", "uren.xlsx", kostprijs({6: 1e-320}, regel=4)),
        "uren_per_traject_1e-320_rapport": ("rapport", "uren.xlsx", kostprijs({6: 1e-320}, regel=4)),
        "kosten_per_plaats_klein": ("landelijk", "kpp.xlsx", landelijk({"kosten_per_plaats": 1e-300})),
        "maatstaf_aandeel_0_kolom_0": ("landelijk", "nul.xlsx", landelijk(
            regios=nul_maatstaf, maatstafkolommen=(ZORGZWAARTE, "Leeg"), maatstaven=maatstaven_nul)),
        "3000_regios_fout_gespeld": ("controleer", "r3000.xlsx", landelijk(regios=regios_3000, duvo=duvo_3000)),
        "9000_regios_plaatsingen": ("landelijk", "r9000.xlsx", landelijk(regios=regios_9000,
                                                                         plaatsingen=plaatsingen_9000)),
    }
