"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "8ab0dbfeeba3"
