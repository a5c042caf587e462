"""Scoring against the FORMAT.md gold corpora in ../shared/data, and the pinned floors that gate accuracy.

The scorer (:mod:`onrecord.eval.scorer`) is pure Python; only :func:`evaluate_file` runs the extractor.
"""

from onrecord.eval.run import EvalReport, evaluate_file, read_documents
from onrecord.eval.scorer import Metric, Scores, score_documents

__all__ = ["EvalReport", "Metric", "Scores", "evaluate_file", "read_documents", "score_documents"]
