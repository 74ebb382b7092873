"""Version and size limits of the extractor's output."""

EXTRACTOR_VERSION = "2026.11.27-2"

# Longest article text the extractor reads; longer text is cut at this many characters.
MAX_TEXT_CHARS = 1_000_000
