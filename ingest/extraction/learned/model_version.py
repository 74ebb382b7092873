"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "e66d2187a6e3"
