"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "5492a7129c3c"
