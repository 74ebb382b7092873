"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "2581c7825f11"
