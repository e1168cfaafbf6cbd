"""Werkboeken lezen, valideren en schrijven (werkboekformaat.md)."""
