"""`python -m evals` from a checkout: kept for habit; the suite ships as `summarizer eval` (summarizer/evals/)."""
