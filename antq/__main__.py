"""``python -m antq``."""

from antq.cli import main

main()
