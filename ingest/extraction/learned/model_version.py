"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "3b43571a902d"
