"""The eval suite: cases with gold key figures, recorded models, scorers and reports.

    summarizer eval                       # the `mock` recordings behind the fake server; exit 1 below thresholds
    summarizer eval --model mock-sloppy   # recordings with realistic errors: fails, naming each one
    summarizer eval --model extractive    # the no-model baseline
    summarizer eval --model gpt-5-mini    # a live model at the configured endpoint (--record DIR keeps its answers)
    summarizer eval --mutate              # the mutation sweep over the good recordings

From Python::

    from summarizer.evals.cases import load_cases
    from summarizer.evals.report import load_thresholds
    from summarizer.evals.runner import run_suite
    report, runs = run_suite("mock", load_cases(), shared=None, thresholds=load_thresholds())

Modules: `cases` (the cases and where third-party articles are), `recordings` (recorded models,
keyed by prompt and schema), `authoring` (how the shipped mocks are made), `runner` (cases through
the real pipeline), `scoring` (scores and findings), `report` (data, table, Markdown, comparison),
`html` (the page per run), `mutate` (the mutation sweep), `cli`/`command` (`summarizer eval`).
This package imports nothing heavy itself, so `summarizer --help` stays fast.
"""
