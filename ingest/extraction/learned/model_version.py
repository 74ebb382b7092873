"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "31235d1b8fb9"
