"""The trained classifier's home.

No model is shipped yet: training on hand-labelled real listings is its own issue. Until
then `score(..., model=...)` accepts any callable ``features -> probability`` and every
rule works without one (DESIGN.md section 4, step 4).
"""
