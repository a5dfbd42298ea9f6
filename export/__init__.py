"""Export: the store's articles and records as JSON, JSONL or CSV datasets."""
