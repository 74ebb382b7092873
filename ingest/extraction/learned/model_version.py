"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "6b8261fb1d61"
