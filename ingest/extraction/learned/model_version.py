"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "f48ee7bcf8ee"
