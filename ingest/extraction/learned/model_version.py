"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "b78a523e201a"
