"""Version and size limits of the extractor's output."""

from ingest.extraction.learned.model_version import MODEL_HASH

# The rules' version, then the learned model's content hash (see `diplograph train`).
EXTRACTOR_VERSION = f"2026.12.08-1+{MODEL_HASH}"

# Longest article text the extractor reads; longer text is cut at this many characters.
MAX_TEXT_CHARS = 1_000_000
