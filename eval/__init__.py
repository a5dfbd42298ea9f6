"""Scoring of the extractor against hand-made gold annotations (ANNOTATION.md "Scoring").

``run`` scores a directory of gold files, ``cli_main`` is the body of ``antq eval`` and
``eval.gate`` keeps the F1 minima the build must not fall below.
"""

from eval.runner import cli_main, run
from eval.scoring import EvalReport

__all__ = ["EvalReport", "cli_main", "run"]
