"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "53fcc152687d"
