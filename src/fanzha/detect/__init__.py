"""Is this a scam? Cue rules, the trained model, identifiers and reference lists → Assessment."""
