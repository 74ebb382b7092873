"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "d7782e1c81d2"
