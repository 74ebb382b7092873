"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "eee330d0916e"
