"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "cd1b7162e48c"
