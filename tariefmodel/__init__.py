"""tariefmodel: kostendekkende tarieven en DUVO-analyses voor de vrouwenopvang."""



def __getattr__(naam: str):
    """``__version__`` pas bij gebruik uit de metadata (PEP 562): ``import tariefmodel`` blijft zo goedkoop."""
    if naam != "__version__":
        raise AttributeError(f"module 'tariefmodel' has no attribute {naam!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        waarde = version("tariefmodel")
    except PackageNotFoundError:  # pragma: no cover - broncheckout zonder installatie
        waarde = "0.0.0"
    globals()["__version__"] = waarde
    return waarde
