"""Scoring marsad's capabilities against annotated evaluation sets (`marsad eval ...`)."""
