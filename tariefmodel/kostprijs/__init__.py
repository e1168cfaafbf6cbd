"""Kostprijsmodel per VO-product (rekenmethode.md §1)."""
