"""Learned extraction decisions: candidates with features, linear models trained on corpus/."""
