"""The spaCy pipeline: loading the model and onrecord's component. spaCy objects live here and in attribution/."""

from onrecord.nlp.pipeline import load_pipeline

__all__ = ["load_pipeline"]
