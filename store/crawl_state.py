"""What the crawler remembers between runs (filled in with the crawler issue)."""
