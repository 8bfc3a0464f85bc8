"""Training and evaluation of the classifier (needs the `train` extra: scikit-learn, scipy)."""
