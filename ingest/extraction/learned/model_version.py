"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "12792e815545"
