"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "5e1e10052930"
