"""The committed model's content hash (written by `diplograph train`)."""

MODEL_HASH = "3cfecc09f0aa"
