"""Scoring of the extractors against labelled development sets (`newsmon eval ...`)."""
