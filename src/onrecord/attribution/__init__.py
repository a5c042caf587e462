"""Cues, content, sources, speakers, channels and relays -> Attribution records."""

from onrecord.attribution.extractor import find_attributions

__all__ = ["find_attributions"]
