"""Accounts of the review app (filled in with the review issue)."""
