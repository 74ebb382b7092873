"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "2ba8461bf77d"
