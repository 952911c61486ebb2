"""marsad (مرصد, "observatory"): local-first Arabic news intelligence."""

__version__ = "0.1.0"
