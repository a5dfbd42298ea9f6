"""Cleaning: raw pages and text files in, one :class:`CleanedPage` out.

The cleaned ``text`` is what every evidence span points into, so it is produced once
here and stored verbatim.
"""

from clean.page import CleanedPage, CleaningError

__all__ = ["CleanedPage", "CleaningError"]
