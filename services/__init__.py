"""The four newsflow services: fetcher, cleaner, extractor, store."""
